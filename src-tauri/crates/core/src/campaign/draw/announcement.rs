//! The lucky draw's announcement, in each language wholly: the disclosure
//! China's promotion rules ask of a draw and the fairness commitment.

use chrono::NaiveDate;

use super::model::{DrawInput, EntryCondition, PlannedPrize};
use super::plan::{consolation_name, local_time, rank_name, Facts};
use crate::campaign::copy;
use crate::money::yuan;
use crate::Lang;

/// The announcement: the disclosure China's promotion rules list (prizes with
/// value and quantity, who takes part, when and how the draw happens, how and
/// until when prizes are claimed, what happens to unclaimed ones, the
/// organiser and contact) and the fairness commitment.
pub(super) struct Announcement<'a> {
    pub input: &'a DrawInput,
    pub f: &'a Facts,
    pub name: &'a str,
    pub prizes: &'a [PlannedPrize],
}

impl Announcement<'_> {
    pub fn write(&self, lang: Lang) -> String {
        let i = self.input;
        let zh = lang == Lang::ZhCn;
        let prizes: Vec<String> = self
            .prizes
            .iter()
            .map(|p| {
                if zh {
                    format!(
                        "{} {}（价值¥{}）×{}",
                        rank_name(p.rank, lang),
                        p.name,
                        yuan(p.value_cents),
                        p.quantity
                    )
                } else {
                    format!(
                        "{}: {} (worth ¥{}) × {}",
                        rank_name(p.rank, lang),
                        p.name,
                        yuan(p.value_cents),
                        p.quantity
                    )
                }
            })
            .collect();
        let consolation = consolation_name(i.consolation.cents, i.consolation.min_spend_cents, lang);
        let communities: Vec<String> =
            self.f.communities.iter().filter_map(|(_, row)| row.as_ref().map(|(n, _)| n.clone())).collect();
        let condition = match (&i.condition, zh) {
            (EntryCondition::Everyone, true) => {
                format!("{}中同意接收活动消息的会员，每人1次", communities.join("、"))
            }
            (EntryCondition::Everyone, false) => {
                format!(
                    "members of {} who agreed to hear about offers; one entry each",
                    communities.join(", ")
                )
            }
            (EntryCondition::Spent { min_cents, from, to }, true) => format!(
                "{}–{} 到店消费满¥{}的{}会员，每人1次",
                when_day(from, lang),
                when_day(to, lang),
                yuan(*min_cents),
                communities.join("、")
            ),
            (EntryCondition::Spent { min_cents, from, to }, false) => format!(
                "members of {} who spent ¥{} or more in the shop from {} to {}; one entry each",
                communities.join(", "),
                yuan(*min_cents),
                when_day(from, lang),
                when_day(to, lang)
            ),
            (EntryCondition::Pasted { .. }, true) => "群内接龙报名的会员，每人1次".into(),
            (EntryCondition::Pasted { .. }, false) => {
                "members who signed up in the group's list; one entry each".into()
            }
        };
        let at = |t: &str| {
            local_time(t, self.f.zone)
                .map(|x| {
                    let local = x.with_timezone(&self.f.zone);
                    format!(
                        "{}（{}）{}",
                        copy::date(local.date_naive(), lang),
                        copy::weekday(chrono::Datelike::weekday(&local), lang),
                        local.format("%H:%M")
                    )
                })
                .unwrap_or_else(|| t.to_owned())
        };
        let at_en = |t: &str| {
            local_time(t, self.f.zone)
                .map(|x| {
                    let local = x.with_timezone(&self.f.zone);
                    format!(
                        "{} {} at {}",
                        copy::weekday(chrono::Datelike::weekday(&local), lang),
                        copy::date(local.date_naive(), lang),
                        local.format("%H:%M")
                    )
                })
                .unwrap_or_else(|| t.to_owned())
        };
        let source = i.public_value_source.trim();
        let claim = when_day(&i.claim_until, lang);
        let contact = i.contact.trim();
        if zh {
            format!(
                "【{name}·人人有礼】\n🎁 奖品：{prizes}｜参与奖 {consolation}，其余全部\n✅ 条件：{condition}；名单 {freeze} 冻结\n🔒 公平：冻结时公布名单哈希和店铺种子哈希；开奖种子 = 店铺种子 + {source}，按公开算法抽取，结果与验证文件同时公布，任何人可自行核对\n📅 开奖：{draw} 在群内公布；兑奖：{claim}前到店出示券码，逾期视为弃奖\n📞 主办：{organiser}{contact}",
                name = self.name,
                prizes = prizes.join("｜"),
                freeze = at(&i.freeze_at),
                draw = at(&i.draw_at),
                organiser = self.f.organiser,
                contact = if contact.is_empty() { String::new() } else { format!(" 电话 {contact}") },
            )
        } else {
            format!(
                "[{name}: everyone wins something]\n🎁 Prizes: {prizes}; everyone else: {consolation}\n✅ Who: {condition}; the list freezes {freeze}\n🔒 Fairness: at the freeze we post the list's hash and the hash of the shop's secret seed; the draw's seed is the shop's seed plus {source}, drawn by a published method, and the result comes with a file anyone can check\n📅 Draw: {draw}, posted in the group; claim by {claim} at the shop with your code (unclaimed prizes lapse after that)\n📞 Organiser: {organiser}{contact}",
                name = self.name,
                prizes = prizes.join("; "),
                freeze = at_en(&i.freeze_at),
                draw = at_en(&i.draw_at),
                organiser = self.f.organiser,
                contact = if contact.is_empty() { String::new() } else { format!(", phone {contact}") },
            )
        }
    }
}

fn when_day(text: &str, lang: Lang) -> String {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| copy::date(d, lang))
        .unwrap_or_else(|| text.trim().to_owned())
}
