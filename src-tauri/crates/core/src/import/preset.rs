//! Which column holds what, for the exports the shops bring: presets known by
//! their headers (Youzan orders, Meituan's cashier, Shopify orders, Square
//! transactions), and a generic mapping that
//! finds the usual names in Chinese and English.

use serde::Serialize;
use ts_rs::TS;

/// The columns a purchase is read from; each an index into the headers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
pub struct Columns {
    pub order_id: Option<usize>,
    pub occurred_at: Option<usize>,
    pub amount: Option<usize>,
    /// Already refunded of the order (Youzan's 订单已退款金额).
    pub refunded: Option<usize>,
    pub phone: Option<usize>,
    pub name: Option<usize>,
    pub items: Option<usize>,
    /// The time of day, when the file keeps it apart from the date (Square).
    pub time: Option<usize>,
    /// The order's status, when only some are sales (Meituan's 已结账).
    pub status: Option<usize>,
    /// A customer list's WeChat nickname, birthday and tags.
    pub nickname: Option<usize>,
    pub birthday: Option<usize>,
    pub tags: Option<usize>,
}

/// What a file's rows become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Target {
    Purchases,
    /// A customer list: each row a member (Youzan's customer export).
    Members,
}

pub struct Preset {
    pub id: &'static str,
    /// The order numbers' system, so two tills' order 1001 never collide.
    pub system: &'static str,
    /// Headers that must all be present for the preset to be recognised.
    signature: &'static [&'static str],
    order_id: &'static [&'static str],
    occurred_at: &'static [&'static str],
    amount: &'static [&'static str],
    refunded: &'static [&'static str],
    phone: &'static [&'static str],
    name: &'static [&'static str],
    items: &'static [&'static str],
    time: &'static [&'static str],
    status: &'static [&'static str],
    /// The statuses that are sales; empty: every row is.
    pub settled: &'static [&'static str],
    nickname: &'static [&'static str],
    birthday: &'static [&'static str],
    tags: &'static [&'static str],
    pub target: Target,
    /// One row per line item, the order's fields on its first row only (Shopify).
    pub rows_per_item: bool,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "youzan_orders",
        system: "youzan",
        signature: &["订单号", "订单实付金额", "买家手机号"],
        order_id: &["订单号"],
        occurred_at: &["买家付款时间", "订单创建时间"],
        amount: &["订单实付金额"],
        refunded: &["订单已退款金额"],
        phone: &["买家手机号"],
        name: &["买家昵称", "收货人/提货人"],
        items: &["商品名称", "全部商品名称"],
        time: &[],
        status: &[],
        settled: &[],
        nickname: &[],
        birthday: &[],
        tags: &[],
        target: Target::Purchases,
        rows_per_item: false,
    },
    // Meituan's cashier (美团收银/管家): the workbook "店内订单明细", its header on
    // row 3 under a title and the period; no customer phone; "--" for empty.
    Preset {
        id: "meituan_orders",
        system: "meituan",
        signature: &["订单号", "结账时间", "订单状态", "支付合计（元）"],
        order_id: &["订单号"],
        occurred_at: &["结账时间", "下单时间"],
        amount: &["支付合计（元）", "订单收入（元）", "订单金额（元）"],
        refunded: &[],
        phone: &[],
        name: &[],
        items: &["整单备注"],
        time: &[],
        status: &["订单状态"],
        settled: &["已结账"],
        nickname: &[],
        birthday: &[],
        tags: &[],
        target: Target::Purchases,
        rows_per_item: false,
    },
    Preset {
        id: "shopify_orders",
        system: "shopify",
        signature: &["Name", "Financial Status", "Lineitem name"],
        order_id: &["Name"],
        occurred_at: &["Paid at", "Created at"],
        amount: &["Total"],
        refunded: &["Refunded Amount"],
        phone: &["Phone", "Billing Phone"],
        name: &["Billing Name", "Shipping Name"],
        items: &["Lineitem name"],
        time: &[],
        status: &[],
        settled: &[],
        nickname: &[],
        birthday: &[],
        tags: &[],
        target: Target::Purchases,
        rows_per_item: true,
    },
    // Square's transactions export: the date and the time in two columns, a
    // refund as a row of its own (Event Type "Refund"), columns that vary by
    // year (33 or 35), so found by name.
    Preset {
        id: "square_transactions",
        system: "square",
        signature: &["Transaction ID", "Event Type", "Gross Sales"],
        order_id: &["Transaction ID"],
        occurred_at: &["Date"],
        amount: &["Total Collected", "Net Total", "Gross Sales"],
        refunded: &[],
        phone: &["Customer Phone"],
        name: &["Customer Name"],
        items: &["Description"],
        time: &["Time"],
        status: &["Event Type"],
        settled: &["Payment"],
        nickname: &[],
        birthday: &[],
        tags: &[],
        target: Target::Purchases,
        rows_per_item: false,
    },
    // Youzan's customer list (客户列表导出): one customer a row; masked
    // phones (186******05) count as none; marketing consent is never imported.
    Preset {
        id: "youzan_customers",
        system: "youzan_customers",
        signature: &["客户姓名", "客户手机号", "成为客户时间"],
        order_id: &[],
        occurred_at: &["成为客户时间"],
        amount: &[],
        refunded: &[],
        phone: &["客户手机号"],
        name: &["客户姓名"],
        items: &[],
        time: &[],
        status: &[],
        settled: &[],
        nickname: &["客户昵称"],
        birthday: &["客户生日"],
        tags: &["标签"],
        target: Target::Members,
        rows_per_item: false,
    },
    Preset {
        id: "generic",
        system: "file",
        signature: &[],
        order_id: &[
            "订单号",
            "订单编号",
            "单号",
            "流水号",
            "Order ID",
            "Order",
            "Order number",
            "Transaction ID",
        ],
        occurred_at: &[
            "下单时间",
            "付款时间",
            "支付时间",
            "结账时间",
            "时间",
            "日期",
            "Date",
            "Time",
            "Paid at",
            "Created at",
        ],
        amount: &[
            "实付金额",
            "实收金额",
            "支付金额",
            "订单金额",
            "金额",
            "Amount",
            "Total",
            "Net Sales",
            "Gross Sales",
        ],
        refunded: &["退款金额", "已退款金额", "Refunded"],
        phone: &["手机号", "手机", "电话", "联系电话", "Phone", "Mobile"],
        name: &["会员", "顾客", "客户", "昵称", "姓名", "Customer", "Customer Name", "Name"],
        items: &["商品", "商品名称", "品名", "Items", "Item", "Description"],
        time: &[],
        status: &[],
        settled: &[],
        nickname: &[],
        birthday: &[],
        tags: &[],
        target: Target::Purchases,
        rows_per_item: false,
    },
];

/// The preset named `id`, or the one the headers match (the generic last).
pub fn find(headers: &[String], id: Option<&str>) -> Option<&'static Preset> {
    match id {
        Some(id) => PRESETS.iter().find(|p| p.id == id),
        None => PRESETS.iter().find(|p| p.signature.iter().all(|h| position(headers, &[h]).is_some())),
    }
}

impl Preset {
    pub fn columns(&self, headers: &[String]) -> Columns {
        Columns {
            order_id: position(headers, self.order_id),
            occurred_at: position(headers, self.occurred_at),
            amount: position(headers, self.amount),
            refunded: position(headers, self.refunded),
            phone: position(headers, self.phone),
            name: position(headers, self.name),
            items: position(headers, self.items),
            time: position(headers, self.time),
            status: position(headers, self.status),
            nickname: position(headers, self.nickname),
            birthday: position(headers, self.birthday),
            tags: position(headers, self.tags),
        }
    }
}

impl Columns {
    /// Every index within `headers`, so a mapping from another file cannot point past the row.
    pub fn fits(&self, headers: usize) -> bool {
        [
            self.order_id,
            self.occurred_at,
            self.amount,
            self.refunded,
            self.phone,
            self.name,
            self.items,
            self.time,
            self.status,
            self.nickname,
            self.birthday,
            self.tags,
        ]
        .into_iter()
        .flatten()
        .all(|i| i < headers)
    }
}

/// A header row as a key for the mapping saved for it: spaces and case aside.
pub fn signature(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| h.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The first of `names` among the headers (spaces and case ignored), by the
/// order the names are given in: the likelier column first.
fn position(headers: &[String], names: &[&str]) -> Option<usize> {
    let folded =
        |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    let headers: Vec<String> = headers.iter().map(|h| folded(h)).collect();
    names.iter().find_map(|n| headers.iter().position(|h| *h == folded(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn each_preset_is_known_by_its_headers_and_the_rest_is_generic() {
        let youzan = headers(
            "订单号,订单创建时间,买家付款时间,订单实付金额,买家昵称,买家手机号,订单退款状态,订单已退款金额",
        );
        let p = find(&youzan, None).unwrap();
        assert_eq!(p.id, "youzan_orders");
        let c = p.columns(&youzan);
        assert_eq!(
            (c.order_id, c.occurred_at, c.amount, c.refunded, c.phone),
            (Some(0), Some(2), Some(3), Some(7), Some(5))
        );
        let shopify =
            headers("Name,Email,Financial Status,Paid at,Total,Lineitem quantity,Lineitem name,Billing Name");
        assert_eq!(find(&shopify, None).unwrap().id, "shopify_orders");
        let till = headers("单号, 下单时间 ,实收金额,手机");
        let g = find(&till, None).unwrap();
        assert_eq!(g.id, "generic");
        assert_eq!(
            g.columns(&till),
            Columns {
                order_id: Some(0),
                occurred_at: Some(1),
                amount: Some(2),
                phone: Some(3),
                ..Columns::default()
            }
        );
        assert!(find(&till, Some("nonsense")).is_none());
    }
}
