//! Why a backup, a restore or a whole-shop file could not be made or used,
//! said in the owner's words in both languages. Each names what was left
//! untouched, because the owner's first question is "did I lose anything?".

use crate::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// The disk (or the USB stick) is full.
    DiskFull { folder: String },
    /// The folder cannot be written (read-only, no permission).
    FolderNotWritable { folder: String },
    /// The second folder is gone (the USB stick was pulled).
    FolderMissing { folder: String },
    /// Writing failed for another reason the system gave.
    WriteFailed { folder: String, reason: String },
    /// The copy did not pass its check (the live file itself may be damaged).
    CopyFailedCheck { reason: String },
    /// A backup file whose bytes are not what its manifest recorded.
    HashMismatch { file: String },
    /// A file that is not a whole SQLite database (truncated, overwritten).
    Damaged { file: String, reason: String },
    /// The shop's own data file is damaged (found at start).
    DataFileDamaged { file: String, reason: String },
    /// Not ShopCircle's.
    NotOurs { file: String },
    /// From a newer ShopCircle: restoring it here would drop what it holds.
    Newer { file: String, found: i64, known: i64 },
    /// The file to restore from is not there.
    Missing { file: String },
    /// The app (or another command) has the shop open; a restore must wait.
    InUse,
    /// A whole-shop file opened with the wrong passphrase.
    WrongPassphrase,
    /// A whole-shop file cut short or changed.
    ShopFileDamaged { file: String },
    /// Not a whole-shop file at all.
    NotAShopFile { file: String },
}

impl BackupProblem {
    pub fn message(&self, lang: Lang) -> String {
        use BackupProblem as P;
        match (self, lang) {
            (P::DiskFull { folder }, Lang::En) => {
                format!("The disk holding {folder} is full, so no backup was made there; your data is unchanged. Free some space or choose another backup folder")
            }
            (P::DiskFull { folder }, Lang::ZhCn) => {
                format!("{folder} 所在的磁盘已满，备份没有做成；店里的数据没有变化。请腾出空间或换一个备份文件夹")
            }
            (P::FolderNotWritable { folder }, Lang::En) => {
                format!("ShopCircle may not write in {folder} (read-only?), so no backup was made there; your data is unchanged")
            }
            (P::FolderNotWritable { folder }, Lang::ZhCn) => {
                format!("ShopCircle 不能写入 {folder}（是只读的吗？），备份没有做成；店里的数据没有变化")
            }
            (P::FolderMissing { folder }, Lang::En) => {
                format!("{folder} is not there (was the USB stick removed?), so no copy was made there; your data is unchanged")
            }
            (P::FolderMissing { folder }, Lang::ZhCn) => {
                format!("找不到 {folder}（U 盘拔掉了吗？），那里没有做成备份；店里的数据没有变化")
            }
            (P::WriteFailed { folder, reason }, Lang::En) => {
                format!("The backup in {folder} could not be written ({reason}); your data is unchanged")
            }
            (P::WriteFailed { folder, .. }, Lang::ZhCn) => {
                format!("{folder} 中的备份写入失败；店里的数据没有变化，请稍后重试")
            }
            (P::CopyFailedCheck { reason }, Lang::En) => format!(
                "The backup copy did not pass its check ({reason}), so it was not kept; the data file may be damaged: restore the newest backup that passed"
            ),
            (P::CopyFailedCheck { .. }, Lang::ZhCn) => {
                "备份副本没有通过检查，已丢弃；数据文件可能已损坏，请从最近一份通过检查的备份恢复".into()
            }
            (P::HashMismatch { file }, Lang::En) => {
                format!("{file} has changed since it was made (its fingerprint differs), so it cannot be trusted; choose another backup")
            }
            (P::HashMismatch { file }, Lang::ZhCn) => {
                format!("{file} 在备份后被改动过（指纹不一致），不可信；请选择另一份备份")
            }
            (P::Damaged { file, reason }, Lang::En) => {
                format!("{file} is damaged ({reason}) and cannot be restored; choose another backup")
            }
            (P::Damaged { file, .. }, Lang::ZhCn) => format!("{file} 已损坏，无法恢复；请选择另一份备份"),
            (P::DataFileDamaged { file, reason }, Lang::En) => format!(
                "The shop's data file {file} is damaged ({reason}). Restore the newest backup that passed its check; the damaged file is kept aside, not deleted"
            ),
            (P::DataFileDamaged { file, .. }, Lang::ZhCn) => {
                format!("店铺数据文件 {file} 已损坏。请从最近一份通过检查的备份恢复；损坏的文件会另外保留，不会删除")
            }
            (P::NotOurs { file }, Lang::En) => format!("{file} is not a ShopCircle backup; nothing was changed"),
            (P::NotOurs { file }, Lang::ZhCn) => format!("{file} 不是 ShopCircle 的备份；未做任何改动"),
            (P::Newer { file, found, known }, Lang::En) => format!(
                "{file} was written by a newer ShopCircle (schema {found}; this version knows {known}); install the newer version to restore it"
            ),
            (P::Newer { file, found, known }, Lang::ZhCn) => {
                format!("{file} 由更新版本的 ShopCircle 写入（结构版本 {found}，本版本只认识 {known}）；请安装新版本后再恢复")
            }
            (P::Missing { file }, Lang::En) => format!("{file} is not there; nothing was changed"),
            (P::Missing { file }, Lang::ZhCn) => format!("找不到 {file}；未做任何改动"),
            (P::InUse, Lang::En) => {
                "ShopCircle has the shop open: restore from its Settings → Data, or quit it first; nothing was changed".into()
            }
            (P::InUse, Lang::ZhCn) => "ShopCircle 正在使用店铺数据：请在它的“设置 → 数据”中恢复，或先退出它；未做任何改动".into(),
            (P::WrongPassphrase, Lang::En) => "The passphrase does not open this file; check it and try again".into(),
            (P::WrongPassphrase, Lang::ZhCn) => "口令不对，打不开这个文件；请核对后重试".into(),
            (P::ShopFileDamaged { file }, Lang::En) => {
                format!("{file} is cut short or was changed after it was written; export the shop again on the old laptop")
            }
            (P::ShopFileDamaged { file }, Lang::ZhCn) => {
                format!("{file} 不完整或写好后被改动过；请在原来的电脑上重新导出")
            }
            (P::NotAShopFile { file }, Lang::En) => {
                format!("{file} is not a ShopCircle whole-shop file; nothing was changed")
            }
            (P::NotAShopFile { file }, Lang::ZhCn) => format!("{file} 不是 ShopCircle 的整店文件；未做任何改动"),
        }
    }
}
