//! The words a campaign posts, kept as data in both languages: each template
//! names the figures it needs in braces, and `fill` puts the real ones in. The
//! structure follows what works in a group: a theme, the date with its weekday
//! and the time (a bare "this Tuesday" sends people to the wrong week), the
//! price against the 7-day low, the quantity and limit, how to take part, and
//! the pickup rule. Never a reward for forwarding or sharing (WeChat bans it).

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::money::yuan;
use crate::Lang;

/// One post: its topic (the calendar's line) and the text to paste.
pub struct PostTemplate {
    pub topic: (&'static str, &'static str),
    pub body: (&'static str, &'static str),
}

/// A flash sale's three posts: before (noon, or the evening before a morning
/// sale), at the start, and once it is over.
pub const SPIKE_PREVIEW: PostTemplate = PostTemplate {
    topic: ("Flash sale preview: {product}", "秒杀预告：{product}"),
    body: (
        "【Flash sale {weekday} {time}】{product}\n\
         ⏰ {weekday} {date}, {time}–{end}, while stocks last\n\
         💰 Flash price ¥{price} (lowest price of the last 7 days ¥{reference}) | {quantity} {quantity_units} only | {limit} per person\n\
         👉 At {time} sharp, reply in the group with your name + the last 4 digits of your phone; the first {quantity} replies get one\n\
         🎫 Each buyer gets a pickup code: show it in the shop within {pickup_days} days",
        "【{weekday}{time}秒杀】{product}\n\
         ⏰ {date}（{weekday}）{time}–{end}，售完即止\n\
         💰 秒杀价 ¥{price}（近7日最低价 ¥{reference}）｜限量 {quantity}{unit}｜每人限 {limit}{unit}\n\
         👉 参与：{time} 整在群里按格式接龙「姓名+手机后4位」，按接龙顺序前 {quantity} 位成功\n\
         🎫 成功者收到取货码，{pickup_days} 天内到店出示领取，逾期名额顺延",
    ),
};

pub const SPIKE_START: PostTemplate = PostTemplate {
    topic: ("Flash sale now: {product}", "秒杀开始：{product}"),
    body: (
        "The flash sale starts now! {product} at ¥{price} (7-day low ¥{reference}), {quantity} {quantity_units} only, {limit} per person.\n\
         👉 Reply with your name + the last 4 digits of your phone. Ends at {end} or when sold out.",
        "秒杀开始啦！{product} 秒杀价 ¥{price}（近7日最低价 ¥{reference}），限量 {quantity}{unit}，每人限 {limit}{unit}。\n\
         👉 请接龙「姓名+手机后4位」，{end} 结束或售完即止。",
    ),
};

pub const SPIKE_RESULT: PostTemplate = PostTemplate {
    topic: ("Flash sale result: {product}", "秒杀结果：{product}"),
    body: (
        "Today's flash sale is over — thank you! Everyone on the list: show your pickup code in the shop within {pickup_days} days to collect {product}. \
         Unclaimed places go to the next in line. See you at the next flash sale!",
        "今天的秒杀结束啦，谢谢大家！接龙成功的朋友请在 {pickup_days} 天内到店出示取货码领取 {product}，逾期名额顺延给后面的朋友。下次秒杀见！",
    ),
};

/// The console's line while the sale runs, to paste after each few buyers.
pub const SPIKE_LEFT: PostTemplate = PostTemplate {
    topic: ("{product}: {left} left", "{product} 还剩 {left}{unit}"),
    body: (
        "⚡ {product} at ¥{price}: only {left} {left_units} left of {quantity}! Reply with your name + the last 4 digits of your phone.",
        "⚡ {product} 秒杀价 ¥{price}，还剩 {left}{unit}（共 {quantity}{unit}），手慢无！接龙「姓名+手机后4位」",
    ),
};

/// Posted the moment the last unit is taken.
pub const SPIKE_SOLD_OUT: PostTemplate = PostTemplate {
    topic: ("Sold out: {product}", "已抢光：{product}"),
    body: (
        "🎉 Sold out! All {quantity} {quantity_units} of {product} at ¥{price} have found their buyers. \
         Everyone on the list: show your pickup code in the shop within {pickup_days} days. \
         Missed out? Watch for the next flash sale in the group.",
        "🎉 已抢光！{product} 秒杀价 ¥{price} 共 {quantity}{unit} 全部售出，谢谢大家！\
         接龙成功的朋友请在 {pickup_days} 天内到店出示取货码领取；没抢到的朋友别急，下一场秒杀群里见！",
    ),
};

/// The member gift-package day's announcement, at the start of each session.
pub const LADDER_START: PostTemplate = PostTemplate {
    topic: ("Gift-package day: {bundle}", "会员礼包日：{bundle}"),
    body: (
        "【{weekday} member gift-package day】{bundle}\n\
         ⏰ {weekday} {date}, from {time}; the list closes at {cutoff}\n\
         🎁 In each package: {items}\n\
         💰 One package ¥{solo}. Group buy at one address: {ladder}\n\
         👉 Reply in the list as: address-packages (e.g. Bldg 3 Unit 2 501-2)\n\
         🏠 Packages at one address are added up and all pay the best price reached; we tell you when to collect after the close",
        "【{weekday}会员礼包日】{bundle}\n\
         ⏰ {date}（{weekday}）{time} 开团，{cutoff} 截止接龙\n\
         🎁 每份礼包：{items}\n\
         💰 单份 ¥{solo}；同一地址拼团：{ladder}\n\
         👉 接龙格式：地址-份数（例：3栋2单元501-2）\n\
         🏠 同一地址份数合计，全部按达到的最优价计算，截止后统一通知取货",
    ),
};

/// An hour before the list closes.
pub const LADDER_LAST_CALL: PostTemplate = PostTemplate {
    topic: ("Last call: {bundle}", "礼包接龙即将截止：{bundle}"),
    body: (
        "⏳ The gift-package list closes at {cutoff}! The more packages at one address, the lower the price: {ladder}. Ask your neighbours and reply as address-packages.",
        "⏳ 礼包接龙 {cutoff} 截止！同一地址份数越多越便宜：{ladder}。叫上邻居一起，按「地址-份数」接龙～",
    ),
};

/// Drainage with a gift: the welcome post in the group on the first day, so
/// the members who join know how to claim. The reward is for joining, never
/// for forwarding or inviting (WeChat bans rewards for sharing).
/// The draw's reminders: freeze the list, then run the draw.
pub const DRAW_FREEZE: (&str, &str) = ("Freeze the draw list: {name}", "冻结抽奖名单：{name}");
pub const DRAW_FREEZE_MESSAGE: (&str, &str) = (
    "Open the draw on the Campaigns page and freeze the list, then post its two hashes in the group.",
    "在活动页面打开这次抽奖，冻结名单，并把两个哈希值发到群里。",
);
pub const DRAW_RUN: (&str, &str) = ("Run the draw: {name}", "开奖：{name}");
pub const DRAW_RUN_MESSAGE: (&str, &str) = (
    "Type {source} into the draw's page to draw, then post the result and its verification file.",
    "在抽奖页面填入{source}后开奖，再把结果和验证文件发到群里。",
);

pub const DRAINAGE_WELCOME: PostTemplate = PostTemplate {
    topic: ("Welcome gift: {reward}", "入群有礼：{reward}"),
    body: (
        "【Welcome to {community}】A gift for every new member: {reward}\n\
         📅 {from} to {until}\n\
         🎁 New here? Come to the shop, say your mobile number at the counter and take your {reward} (one per number)\n\
         👉 Ask us anything in the group: offers, new arrivals and the week's events are posted here first",
        "【欢迎加入{community}】新朋友入群有礼：{reward}\n\
         📅 活动时间：{from} 至 {until}\n\
         🎁 新入群的朋友到店报手机号，即可领取{reward}（每个手机号限领一次）\n\
         👉 群里每周发布优惠、新品和活动，有问题随时在群里问我们",
    ),
};

/// The posters' gift line, made from the reward when the owner types none.
pub const DRAINAGE_GIFT_LINE: (&str, &str) = ("Join the group: {reward}, free", "扫码入群 免费领{reward}");

/// The reminder to replace a channel's group code before it expires.
pub const DRAINAGE_REPLACE_CODE: (&str, &str) =
    ("Replace the group code: {channel}", "更换群二维码：{channel}");
pub const DRAINAGE_REPLACE_CODE_MESSAGE: (&str, &str) = (
    "WeChat group codes last 7 days. Save a new one from the group, import it on the community's page, and reprint this channel's posters.",
    "微信群二维码只有 7 天有效期。请在群里保存新的二维码，到社群页面导入，并重新打印这个渠道的海报。",
);

impl PostTemplate {
    /// The topic and the text in `lang`, with each `{name}` replaced by its value.
    pub fn fill_with(&self, lang: Lang, values: &[(&str, String)]) -> (String, String) {
        let pick = |(en, zh): (&'static str, &'static str)| if lang == Lang::ZhCn { zh } else { en };
        let put =
            |t: &str| values.iter().fold(t.to_owned(), |acc, (k, v)| acc.replace(&format!("{{{k}}}"), v));
        (put(pick(self.topic)), put(pick(self.body)))
    }
}

/// The figures a template may name.
pub struct Figures<'a> {
    pub product: &'a str,
    pub unit: &'a str,
    pub day: NaiveDate,
    pub time: NaiveTime,
    pub end: NaiveTime,
    pub price_cents: i64,
    pub reference_cents: i64,
    pub quantity: i64,
    /// Still to sell (the console's count); the quantity before the sale.
    pub left: i64,
    pub limit: i64,
    pub pickup_days: i64,
}

impl PostTemplate {
    /// The topic and the text in `lang`, with the figures in.
    pub fn fill(&self, lang: Lang, f: &Figures) -> (String, String) {
        let pick = |(en, zh): (&'static str, &'static str)| if lang == Lang::ZhCn { zh } else { en };
        (fill(pick(self.topic), lang, f), fill(pick(self.body), lang, f))
    }
}

fn fill(template: &str, lang: Lang, f: &Figures) -> String {
    let unit = if f.unit.is_empty() { default_unit(lang) } else { f.unit };
    template
        .replace("{quantity_units}", &english_plural(unit, f.quantity))
        .replace("{left_units}", &english_plural(unit, f.left))
        .replace("{product}", f.product)
        .replace("{unit}", unit)
        .replace("{weekday}", weekday(f.day.weekday(), lang))
        .replace("{date}", &date(f.day, lang))
        .replace("{time}", &f.time.format("%H:%M").to_string())
        .replace("{end}", &f.end.format("%H:%M").to_string())
        .replace("{price}", &yuan(f.price_cents))
        .replace("{reference}", &yuan(f.reference_cents))
        .replace("{quantity}", &f.quantity.to_string())
        .replace("{left}", &f.left.to_string())
        .replace("{limit}", &f.limit.to_string())
        .replace("{pickup_days}", &f.pickup_days.to_string())
}

fn default_unit(lang: Lang) -> &'static str {
    if lang == Lang::ZhCn {
        "份"
    } else {
        "unit"
    }
}

/// "1 tin", "30 tins", "2 boxes", "3 bottles of tea"-free English plurals of a
/// unit the owner typed; a unit in Chinese (or any non-ASCII) is left as typed.
fn english_plural(unit: &str, count: i64) -> String {
    if count == 1 || !unit.is_ascii() || unit.is_empty() {
        return unit.to_owned();
    }
    let lower = unit.to_ascii_lowercase();
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| lower.ends_with(e)) {
        format!("{unit}es")
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", &unit[..unit.len() - 1])
    } else {
        format!("{unit}s")
    }
}

/// "周二" / "Tue".
pub fn weekday(d: Weekday, lang: Lang) -> &'static str {
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.num_days_from_monday() as usize;
    if lang == Lang::ZhCn {
        ZH[i]
    } else {
        EN[i]
    }
}

/// "11月24日" / "24 Nov".
pub fn date(d: NaiveDate, lang: Lang) -> String {
    if lang == Lang::ZhCn {
        format!("{}月{}日", d.month(), d.day())
    } else {
        d.format("%-d %b").to_string()
    }
}

/// "2026年12月" / "December 2026".
pub fn month(d: NaiveDate, lang: Lang) -> String {
    if lang == Lang::ZhCn {
        format!("{}年{}月", d.year(), d.month())
    } else {
        d.format("%B %Y").to_string()
    }
}

/// The referral day's monthly reminder.
pub const REFERRAL_DAY: (&str, &str) = ("Member promotion day: {name}", "会员推广日：{name}");
pub const REFERRAL_DAY_MESSAGE: (&str, &str) = (
    "Post the friend-card offer in the group, print friend cards for members who ask, and post last month's leaderboard.",
    "在群里发好友卡活动，为需要的会员打印好友卡，并发上月推荐榜。",
);

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Figures<'static> {
        Figures {
            product: "招牌凤梨酥",
            unit: "盒",
            day: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            time: NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(20, 30, 0).unwrap(),
            price_cents: 1990,
            reference_cents: 3200,
            quantity: 30,
            left: 30,
            limit: 1,
            pickup_days: 3,
        }
    }

    #[test]
    fn the_preview_carries_the_date_with_its_weekday_and_the_real_figures() {
        let (topic, body) = SPIKE_PREVIEW.fill(Lang::ZhCn, &figures());
        assert_eq!(topic, "秒杀预告：招牌凤梨酥");
        assert!(
            body.starts_with("【周二20:00秒杀】招牌凤梨酥\n⏰ 11月24日（周二）20:00–20:30，售完即止\n"),
            "{body}"
        );
        assert!(body.contains("秒杀价 ¥19.90（近7日最低价 ¥32）｜限量 30盒｜每人限 1盒"), "{body}");
        assert!(body.contains("3 天内到店出示领取"), "{body}");
        assert!(!body.contains('{'), "every figure filled: {body}");
    }

    #[test]
    fn every_template_fills_completely_in_both_languages() {
        for t in [SPIKE_PREVIEW, SPIKE_START, SPIKE_RESULT, SPIKE_LEFT, SPIKE_SOLD_OUT] {
            for lang in [Lang::En, Lang::ZhCn] {
                let (topic, body) = t.fill(lang, &Figures { unit: "", ..figures() });
                assert!(!topic.contains('{') && !body.contains('{'), "{topic} / {body}");
                assert!(topic.chars().count() <= crate::content::TOPIC_MAX, "{topic}");
            }
        }
        let (_, en) = SPIKE_PREVIEW.fill(Lang::En, &figures());
        assert!(en.contains("Tue 24 Nov, 20:00–20:30"), "{en}");
    }
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn english_units_agree_with_their_count_and_chinese_ones_stay_as_typed() {
        assert_eq!(english_plural("tin", 30), "tins");
        assert_eq!(english_plural("tin", 1), "tin");
        assert_eq!(english_plural("box", 2), "boxes");
        assert_eq!(english_plural("pastry", 3), "pastries");
        assert_eq!(english_plural("tray", 3), "trays");
        assert_eq!(english_plural("罐", 30), "罐");
        let f = Figures { unit: "tin", left: 1, ..tests_figures() };
        let (_, left) = SPIKE_LEFT.fill(Lang::En, &f);
        assert!(left.contains("only 1 tin left of 30"), "{left}");
        let (_, start) = SPIKE_START.fill(Lang::En, &Figures { unit: "", ..tests_figures() });
        assert!(start.contains("30 units only"), "{start}");
    }

    fn tests_figures() -> Figures<'static> {
        Figures {
            product: "Tieguanyin",
            unit: "tin",
            day: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            time: NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(20, 30, 0).unwrap(),
            price_cents: 1990,
            reference_cents: 3900,
            quantity: 30,
            left: 30,
            limit: 1,
            pickup_days: 3,
        }
    }
}
