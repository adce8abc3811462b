//! The sample shop's products: the method's mix of traffic products (the flash
//! sale's bait) and profit products, one of them cut last week and back up
//! since, so its 7-day low differs from its price.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;

use super::{t, Text};
use crate::image_change::ImageChange;
use crate::product::{self, ProductInput};
use crate::{Lang, Result};

struct SampleProduct {
    name: Text,
    unit: Text,
    price: i64,
    cost: i64,
    stock: i64,
    role: &'static str,
    /// A promotion price held for three days last week, then back to `price`.
    cut_last_week: Option<i64>,
}

const PRODUCTS: &[SampleProduct] = &[
    SampleProduct {
        name: t("Tieguanyin 250 g", "铁观音 250 克"),
        unit: t("tin", "罐"),
        price: 3900,
        cost: 1800,
        stock: 60,
        role: "traffic",
        cut_last_week: Some(2990),
    },
    SampleProduct {
        name: t("Jasmine tea 100 g", "茉莉花茶 100 克"),
        unit: t("bag", "袋"),
        price: 2500,
        cost: 900,
        stock: 80,
        role: "traffic",
        cut_last_week: None,
    },
    SampleProduct {
        name: t("Aged Pu'er cake 357 g", "陈年普洱饼 357 克"),
        unit: t("cake", "饼"),
        price: 26800,
        cost: 12800,
        stock: 12,
        role: "profit",
        cut_last_week: None,
    },
    SampleProduct {
        name: t("Osmanthus pastry box", "桂花糕礼盒"),
        unit: t("box", "盒"),
        price: 6800,
        cost: 3000,
        stock: 25,
        role: "profit",
        cut_last_week: None,
    },
];

/// Adds the products (their ids, in order), their prices dated from two weeks ago; the Tieguanyin
/// was ¥29.90 for a three-day promotion that ended four days ago.
pub(super) fn create(tx: &Transaction, lang: Lang, now: DateTime<Utc>) -> Result<Vec<i64>> {
    let since = now - Duration::days(14);
    let mut ids = Vec::with_capacity(PRODUCTS.len());
    for p in PRODUCTS {
        let input = ProductInput {
            name: p.name.get(lang),
            unit: p.unit.get(lang),
            price_cents: p.price,
            cost_cents: p.cost,
            stock: p.stock,
            role: p.role.into(),
        };
        let id = product::insert(tx, &input, &ImageChange::Keep, since)?;
        if let Some(cut) = p.cut_last_week {
            product::record_price(tx, id, cut, now - Duration::days(7))?;
            product::record_price(tx, id, p.price, now - Duration::days(4))?;
        }
        ids.push(id);
    }
    Ok(ids)
}
