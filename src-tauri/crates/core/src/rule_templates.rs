//! The library of group-rule templates the owner picks from. The method: no
//! advertising, no spam, enforced together; each rule says what and why.

use serde::Serialize;

use crate::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RuleTemplate {
    pub key: &'static str,
    pub text: &'static str,
}

const TEMPLATES: &[(&str, &str, &str)] = &[
    ("no_ads", "No advertising of other businesses or products.", "禁止发布其他商家或产品的广告。"),
    (
        "no_links",
        "No unrelated links, mini-programs or voting requests.",
        "禁止发布无关链接、小程序和拉票信息。",
    ),
    (
        "respect",
        "Be respectful: no insults, no arguments about politics or religion.",
        "文明交流，不辱骂他人，不讨论政治和宗教话题。",
    ),
    ("no_spam", "No flooding: no more than three messages in a row.", "请勿刷屏，连续发言不超过三条。"),
    ("no_poaching", "Do not add other members privately to sell to them.", "请勿私加群成员进行推销。"),
    (
        "on_topic",
        "Keep to the group's topic; chat freely in the evening hours.",
        "围绕本群主题交流，晚间可自由闲聊。",
    ),
    ("quiet_hours", "Quiet hours 22:00–08:00: please don't post.", "22:00–08:00 为休息时间，请勿发言。"),
    ("name_card", "Set your group nickname as name + neighbourhood.", "请将群昵称改为“姓名 + 小区”。"),
    (
        "warnings",
        "One warning first; a second breach means removal from the group.",
        "违规先提醒一次，再次违规将被移出群聊。",
    ),
    (
        "orders",
        "Orders and after-sales go to the staff account, not the group.",
        "下单和售后请私聊店员账号，不在群内处理。",
    ),
];

/// Every template in the given language, in the order shown to the owner.
pub fn all(lang: Lang) -> Vec<RuleTemplate> {
    TEMPLATES
        .iter()
        .map(|(key, en, zh)| RuleTemplate { key, text: if lang == Lang::En { en } else { zh } })
        .collect()
}

/// The text of one template, by key.
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    all(lang).into_iter().find(|t| t.key == key).map(|t| t.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_exists_in_both_languages() {
        for (key, en, zh) in TEMPLATES {
            assert!(!en.is_empty() && !zh.is_empty(), "{key}");
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{key} is Chinese");
        }
        assert_eq!(text("no_ads", Lang::ZhCn), Some("禁止发布其他商家或产品的广告。"));
    }
}
