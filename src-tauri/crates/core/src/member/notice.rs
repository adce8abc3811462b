//! The privacy notice a member is shown before they agree (PIPL asks that it
//! say who keeps the data, why, how long, and how to withdraw or be deleted),
//! in both languages, with the shop's name. Its words carry `NOTICE_VERSION`:
//! a consent records which version was shown.

use crate::Lang;

use super::NOTICE_VERSION;

/// The notice's title and sections (heading, text) in `lang`.
pub fn notice(shop: &str, lang: Lang) -> (String, Vec<(String, String)>) {
    let shop = match (shop.trim(), lang) {
        ("", Lang::ZhCn) => "本店",
        ("", Lang::En) => "This shop",
        (name, _) => name,
    };
    match lang {
        Lang::ZhCn => (
            format!("{shop} 会员个人信息告知书（第 {NOTICE_VERSION} 版）"),
            vec![
                ("谁保管你的信息".into(), format!("{shop}。信息只保存在本店的电脑上，不上传到任何服务器，不提供给其他商家。")),
                ("我们记录什么".into(), "你告诉我们的称呼、微信昵称；你愿意留下的手机号和生日（只有月和日）；你加入了哪个社群、通过哪个渠道；你在本店的消费记录。我们不收集身份证号、住址或收入。".into()),
                ("为什么记录".into(), "为了认出你、为你核销赠品和优惠券、记录积分和消费，以及了解社群办得好不好。只有在你另外同意后，我们才会向你发送活动和优惠信息。".into()),
                ("保存多久".into(), "在你是本店会员期间保存。你要求删除后，我们会删除你的个人信息；消费记录只以匿名方式保留，用于核对账目。".into()),
                ("你可以随时".into(), "撤回接收活动信息的同意（不影响会员资格）；查看或索取我们保存的你的全部信息；要求更正或删除。请在收银台告诉店员，或在社群里联系店主。".into()),
                ("签字同意（纸质）".into(), "□ 我同意本店按上述方式保存我的信息    □ 我另外同意接收活动和优惠信息（可不选）    签名：______________    日期：__________".into()),
            ],
        ),
        Lang::En => (
            format!("{shop}: how we keep members' details (version {NOTICE_VERSION})"),
            vec![
                ("Who keeps your details".into(), format!("{shop}. They are kept only on the shop's computer, never uploaded to a server and never given to another business.")),
                ("What we record".into(), "The name and WeChat nickname you give us; the phone number and birthday (month and day only) if you choose to; which community you joined and through which channel; what you buy here. We never collect ID numbers, addresses or income.".into()),
                ("Why".into(), "To recognise you, redeem your gifts and vouchers, keep your purchases, and see how our communities are doing. We send you news of campaigns and offers only if you agree to that separately.".into()),
                ("How long".into(), "For as long as you are a member. When you ask us to delete your details we do; your purchases stay only as anonymous sales so the accounts add up.".into()),
                ("At any time you can".into(), "Withdraw your agreement to offers (you stay a member); see or take a copy of everything we keep about you; ask us to correct or delete it. Tell us at the counter, or message the owner in the group.".into()),
                ("Signed consent (on paper)".into(), "□ I agree to the shop keeping my details as above    □ I also agree to hear about campaigns and offers (optional)    Signed: ______________    Date: __________".into()),
            ],
        ),
    }
}
