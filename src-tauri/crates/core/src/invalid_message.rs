//! What an invalid field's message says, in each language: the label of the
//! field and its problem (the rest of the errors' words are in `error`).

use crate::{Field, Lang, Problem};

pub(crate) fn invalid_message(field: Field, problem: &Problem, lang: Lang) -> String {
    let label = field.label(lang);
    match (problem, lang) {
        (Problem::Empty, Lang::En) => format!("{label} cannot be empty"),
        (Problem::Empty, Lang::ZhCn) => format!("{label}不能为空"),
        (Problem::TooShort { min }, Lang::En) => format!("{label} is too short: at least {min} characters"),
        (Problem::TooShort { min }, Lang::ZhCn) => format!("{label}太短了，至少 {min} 个字"),
        (Problem::TooLong { max }, Lang::En) => {
            format!("{label} is too long: at most {max} characters")
        }
        (Problem::TooLong { max }, Lang::ZhCn) => format!("{label}太长了，最多 {max} 个字"),
        (Problem::OutOfRange { min, max }, Lang::En) => {
            format!("{label} must be between {min} and {max}")
        }
        (Problem::OutOfRange { min, max }, Lang::ZhCn) => {
            format!("{label}必须在 {min} 到 {max} 之间")
        }
        (Problem::Unknown { value }, Lang::En) => format!("{label} \"{value}\" is not known"),
        (Problem::Unknown { value }, Lang::ZhCn) => format!("无法识别的{label}：“{value}”"),
        (Problem::InFuture, Lang::En) => format!("{label} cannot be in the future"),
        (Problem::InFuture, Lang::ZhCn) => format!("{label}不能晚于今天"),
        (Problem::InPast, Lang::En) => format!("{label} has already passed"),
        (Problem::InPast, Lang::ZhCn) => format!("{label}已经过去了"),
        (Problem::BeforeStart, Lang::En) => format!("{label} is before the start"),
        (Problem::BeforeStart, Lang::ZhCn) => format!("{label}早于开始日期"),
        (Problem::Duplicate, Lang::En) => format!("{label} is already in use"),
        (Problem::Duplicate, Lang::ZhCn) => format!("{label}已被使用"),
        (Problem::Refused { reason }, Lang::En) => format!("{label}: {reason}"),
        (Problem::Refused { reason }, Lang::ZhCn) => format!("{label}：{reason}"),
        (Problem::ExtensionMismatch { extension, format }, Lang::En) => format!(
            "{label}: the file name ends in .{extension} but the file would be {format}; name it .{format} or choose {extension}"
        ),
        (Problem::ExtensionMismatch { extension, format }, Lang::ZhCn) => {
            format!("{label}：文件名以 .{extension} 结尾，但内容是 {format}；请改名为 .{format}，或选择 {extension} 格式")
        }
        (Problem::ControlCharacter, Lang::En) => {
            format!("{label} contains an invisible control character (such as a line break); remove it")
        }
        (Problem::ControlCharacter, Lang::ZhCn) => format!("{label}含有不可见的控制字符（如换行），请删除"),
        (Problem::TooLarge { max_mb }, Lang::En) => format!("{label} is too large: at most {max_mb} MB"),
        (Problem::TooLarge { max_mb }, Lang::ZhCn) => format!("{label}太大了，最多 {max_mb} MB"),
        (Problem::CountAndEnd, Lang::En) => {
            format!("{label} cannot be set when the repeat rule already has a number of times (COUNT)")
        }
        (Problem::CountAndEnd, Lang::ZhCn) => format!("重复规则已限定次数（COUNT），不能再设{label}"),
        (Problem::NeverOccurs, Lang::En) => {
            format!("{label} never falls on any day: check the days and months")
        }
        (Problem::NeverOccurs, Lang::ZhCn) => format!("{label}不会落在任何一天，请检查日期和月份"),
        (Problem::TooFrequent, Lang::En) => {
            format!("{label} repeats more than once a day; choose daily, weekly or monthly")
        }
        (Problem::TooFrequent, Lang::ZhCn) => format!("{label}一天重复多次，请选择每天、每周或每月"),
    }
}
