//! Starter topic ideas, so an empty content calendar is never a blank page:
//! a few for the shop's industry and a few for the community's kind (the
//! method's high-frequency, low-frequency and niche needs), in both languages.

use serde::Serialize;
use ts_rs::TS;

use crate::community::Kind;
use crate::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TopicIdea {
    pub topic: String,
    /// A first draft of the text to post, to edit before posting.
    pub body: String,
}

/// (English topic, English draft, Chinese topic, Chinese draft)
type Idea = (&'static str, &'static str, &'static str, &'static str);

const HIGH_FREQUENCY: &[Idea] = &[
    ("Today's special", "Today only: {special}. Reply 1 to reserve one, pick it up at the counter.",
     "今日特惠", "今天限定：{特惠内容}。回复 1 预留，到店自取。"),
    ("Morning check-in", "Good morning! Check in with a photo of your breakfast; three random check-ins get a small gift today.",
     "早安打卡", "早上好！晒出你的早餐打卡，今天随机抽 3 位送小礼物。"),
    ("Stored-value reminder", "Members who top up this week get a bonus; ask us at the counter or reply here.",
     "储值福利", "本周储值会员额外赠送，到店或在群里回复咨询。"),
    ("Buy one, give one", "Bring a friend today: buy one and the second is on us for your friend.",
     "买一赠一", "今天带朋友来：买一份，朋友那份我们请。"),
];

const LOW_FREQUENCY: &[Idea] = &[
    (
        "Care tips",
        "How to make it last: three simple care tips from our team.",
        "保养小知识",
        "让它用得更久：店员分享 3 个简单的保养方法。",
    ),
    (
        "Neighbour's offer",
        "Our neighbour {partner} has a gift for our members this week; show this message there.",
        "邻店福利",
        "本周邻店{合作店铺}给我们的会员准备了礼物，出示这条消息即可领取。",
    ),
    (
        "Customer story",
        "A customer shows how they use it at home. Share yours for a chance to be featured.",
        "顾客故事",
        "一位顾客分享在家里的使用方法，欢迎晒出你的，有机会被精选。",
    ),
    (
        "Question of the week",
        "What would you like to know about {product}? Ask here; we answer every question on Friday.",
        "每周答疑",
        "关于{产品}你想了解什么？在群里提问，周五统一解答。",
    ),
];

const NICHE: &[Idea] = &[
    (
        "Weekly theme",
        "This week's theme is {theme}. Post your photos and tips; the best one wins a gift.",
        "每周主题",
        "本周主题：{主题}。晒图分享心得，最佳分享送礼物。",
    ),
    (
        "Beginner's corner",
        "New here? Start with these three basics, and ask anything in the group.",
        "新手入门",
        "新朋友看这里：先了解这 3 个基础，有问题随时在群里问。",
    ),
    (
        "Meet-up",
        "Meet-up at the shop on {date}: bring a friend who shares the hobby.",
        "线下聚会",
        "{日期}到店聚会，欢迎带上同好朋友一起来。",
    ),
    (
        "Member spotlight",
        "Meet one of our members and what they love about {hobby}.",
        "会员风采",
        "认识一位群友，听听他/她眼中的{爱好}。",
    ),
];

/// Industry keywords (English and Chinese) and their ideas.
const INDUSTRIES: &[(&[&str], &[Idea])] = &[
    (&["tea", "茶"], &[
        ("Tea of the day", "Today we brew {tea}: where it grows, how it tastes, and the water temperature that suits it.",
         "每日一茶", "今天冲泡{茶名}：产地、口感，以及适合的水温。"),
        ("Brewing tip", "Why your tea turns bitter, and how to fix it in one step.",
         "冲泡技巧", "茶为什么会苦？一个小步骤就能改善。"),
    ]),
    (&["coffee", "咖啡"], &[
        ("Bean of the week", "This week's beans: {origin}, notes of {notes}. Ask for a free tasting cup.",
         "本周豆单", "本周咖啡豆：{产地}，风味{风味}。到店可免费试饮一小杯。"),
        ("Home brewing", "Three tips for better coffee at home with what you already have.",
         "在家冲咖啡", "用家里现有的工具，冲出更好喝咖啡的 3 个小技巧。"),
    ]),
    (&["bake", "bakery", "bread", "cake", "烘焙", "面包", "蛋糕"], &[
        ("Fresh out of the oven", "Out of the oven at {time}: {item}. Reply to reserve before it is gone.",
         "新鲜出炉", "{时间}出炉：{品名}。回复预留，卖完即止。"),
    ]),
    (&["fruit", "grocery", "水果", "生鲜", "超市"], &[
        ("In season now", "In season this week: {fruit}. How to pick a good one, and today's price.",
         "当季推荐", "本周当季：{水果}。教你挑选，附今日价格。"),
    ]),
    (&["gym", "fitness", "sport", "健身", "运动", "瑜伽"], &[
        ("Health tip", "One habit for a healthier week: {tip}. Who is in?",
         "健康小贴士", "本周一个健康小习惯：{内容}。一起打卡吗？"),
        ("Workout check-in", "Post today's workout; everyone who checks in five days this week gets a gift.",
         "运动打卡", "晒出今天的运动，本周打卡满 5 天送礼物。"),
    ]),
    (&["beauty", "salon", "nail", "hair", "美容", "美甲", "美发"], &[
        ("Look of the week", "This week's favourite look and how to keep it at home.",
         "本周造型", "本周人气造型，以及在家保持的方法。"),
    ]),
    (&["restaurant", "food", "餐", "饭", "面馆", "火锅"], &[
        ("Chef's pick", "Today the chef recommends {dish}: here is how it is made.",
         "主厨推荐", "今天主厨推荐{菜品}，看看它是怎么做出来的。"),
    ]),
];

/// Ideas for a community of `kind` in a shop whose industry is `industry`:
/// the industry's first, then the kind's.
pub fn ideas(industry: &str, kind: Kind, lang: Lang) -> Vec<TopicIdea> {
    let industry = industry.to_lowercase();
    let by_industry = INDUSTRIES
        .iter()
        .filter(|(words, _)| words.iter().any(|w| industry.contains(w)))
        .flat_map(|(_, ideas)| ideas.iter());
    let by_kind = match kind {
        Kind::HighFrequency => HIGH_FREQUENCY,
        Kind::LowFrequency => LOW_FREQUENCY,
        Kind::Niche => NICHE,
    };
    by_industry
        .chain(by_kind.iter())
        .map(|(en_t, en_b, zh_t, zh_b)| match lang {
            Lang::En => TopicIdea { topic: (*en_t).into(), body: (*en_b).into() },
            Lang::ZhCn => TopicIdea { topic: (*zh_t).into(), body: (*zh_b).into() },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tea_shops_high_frequency_group_gets_tea_ideas_first_in_its_language() {
        let zh = ideas("茶饮", Kind::HighFrequency, Lang::ZhCn);
        assert_eq!(zh[0].topic, "每日一茶");
        assert!(zh.iter().any(|i| i.topic == "今日特惠"));
        let en = ideas("Tea house", Kind::HighFrequency, Lang::En);
        assert_eq!(en[0].topic, "Tea of the day");
        assert_eq!(en.len(), zh.len());
    }

    #[test]
    fn every_kind_has_ideas_even_for_an_industry_we_do_not_know() {
        for kind in [Kind::HighFrequency, Kind::LowFrequency, Kind::Niche] {
            for lang in [Lang::En, Lang::ZhCn] {
                let found = ideas("bicycle repair", kind, lang);
                assert!(found.len() >= 4);
                assert!(found.iter().all(|i| !i.topic.is_empty() && !i.body.is_empty()));
            }
        }
    }
}
