//! The words of a desktop notification, in the shop's language. A few fresh
//! reminders are shown one by one; a crowd, and anything missed while the
//! laptop was off, arrive as one summary that opens the reminder centre.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{Delivery, Reminder, ReminderKind};
use crate::Lang;

/// More fresh reminders at once than this become one summary.
const SHOW_ONE_BY_ONE: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
    /// Where clicking it goes (see `Reminder::route`).
    pub route: String,
    /// The label of its button, in the shop's language.
    pub action: String,
}

fn open_label(lang: Lang) -> String {
    if lang == Lang::En { "Open" } else { "打开" }.to_owned()
}

fn local(t: Option<DateTime<Utc>>, zone: Tz, format: &str) -> String {
    t.map(|t| t.with_timezone(&zone).format(format).to_string()).unwrap_or_default()
}

fn one(r: &Reminder, zone: Tz, lang: Lang) -> Notice {
    let at = local(r.subject_at, zone, "%H:%M");
    let day = local(r.subject_at, zone, "%m-%d %H:%M");
    let title = match (r.kind, lang) {
        (ReminderKind::Announce, Lang::En) => format!("At {at}: {}", r.title),
        (ReminderKind::Announce, Lang::ZhCn) => format!("{at} 开始：{}", r.title),
        (ReminderKind::Start, Lang::En) => format!("Now: {}", r.title),
        (ReminderKind::Start, Lang::ZhCn) => format!("现在开始：{}", r.title),
        (ReminderKind::Content, Lang::En) => format!("Time to post: {}", r.title),
        (ReminderKind::Content, Lang::ZhCn) => format!("该发布了：{}", r.title),
        (ReminderKind::QrExpiry, Lang::En) => format!("Group QR expires {day}"),
        (ReminderKind::QrExpiry, Lang::ZhCn) => format!("群二维码将于 {day} 过期"),
        (ReminderKind::BatchExpiry, Lang::En) => format!("Vouchers expire soon: {}", r.title),
        (ReminderKind::BatchExpiry, Lang::ZhCn) => format!("券即将过期：{}", r.title),
    };
    let body = match (r.kind, lang) {
        (ReminderKind::QrExpiry, Lang::En) => {
            format!("{}: replace the code and reprint its posters.", r.title)
        }
        (ReminderKind::QrExpiry, Lang::ZhCn) => format!("{}：请更换二维码并重新打印海报。", r.title),
        (ReminderKind::BatchExpiry, Lang::En) => {
            format!(
                "Open vouchers are valid until {}. Remind the group to use them.",
                local(r.subject_at, zone, "%m-%d")
            )
        }
        (ReminderKind::BatchExpiry, Lang::ZhCn) => "还有未使用的券，提醒群友尽快使用。".into(),
        (_, Lang::En) if r.body.is_empty() => "Open ShopCircle for the details.".into(),
        (_, Lang::ZhCn) if r.body.is_empty() => "打开 ShopCircle 查看详情。".into(),
        _ => r.body.chars().take(180).collect(),
    };
    Notice { title, body, route: r.route.clone(), action: open_label(lang) }
}

/// The notifications for one delivery; none while the owner paused them.
pub fn notices(delivery: &Delivery, zone: Tz, lang: Lang) -> Vec<Notice> {
    if delivery.paused {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !delivery.missed.is_empty() {
        let n = delivery.missed.len();
        let (title, body) = match lang {
            Lang::En if n == 1 => ("1 reminder was missed".to_owned(), delivery.missed[0].title.clone()),
            Lang::En => (
                format!("{n} reminders were missed"),
                "While ShopCircle was closed or the laptop slept.".into(),
            ),
            Lang::ZhCn => {
                (format!("错过了 {n} 条提醒"), "ShopCircle 关闭或电脑休眠期间的提醒，点开查看。".into())
            }
        };
        out.push(Notice { title, body, route: "reminders".into(), action: open_label(lang) });
    }
    if delivery.fresh.len() > SHOW_ONE_BY_ONE {
        let n = delivery.fresh.len();
        let titles: Vec<&str> = delivery.fresh.iter().map(|r| r.title.as_str()).take(3).collect();
        let title = match lang {
            Lang::En => format!("{n} reminders now"),
            Lang::ZhCn => format!("现在有 {n} 条提醒"),
        };
        out.push(Notice {
            title,
            body: titles.join(" · "),
            route: "reminders".into(),
            action: open_label(lang),
        });
    } else {
        out.extend(delivery.fresh.iter().map(|r| one(r, zone, lang)));
    }
    out
}
