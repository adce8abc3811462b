//! The method's health check: does the community solve a real problem, have a
//! long-term goal, have clear rules, and use tools? Answered from the data.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::community::read;
use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Question {
    RealProblem,
    LongTermGoal,
    ClearRules,
    UsesTools,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    Pass,
    Partial,
    Fail,
}

/// Why a verdict was reached, for the UI to turn into advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Finding {
    PurposeWritten,
    PurposeTooShort,
    PurposeMissing,
    GoalWritten,
    GoalMissing,
    RulesEnough,
    /// Enough rules, and warnings or removals recorded lately: the rules are enforced.
    RulesEnforced,
    RulesFew,
    RulesMissing,
    StaffAndCounts,
    NoStaff,
    NoRecentCounts,
    NoStaffNoCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct HealthItem {
    pub question: Question,
    pub verdict: Verdict,
    pub finding: Finding,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct HealthCheck {
    #[ts(type = "number")]
    pub community_id: i64,
    pub items: Vec<HealthItem>,
    /// Out of 100: a pass counts fully, a partial half.
    pub score: u8,
}

/// Fewer characters than this cannot say what problem the group solves.
const PURPOSE_MIN_CHARS: usize = 8;
/// The method's rules cover ads, spam and conduct: three at least.
const RULES_ENOUGH: usize = 3;
/// Rules count as enforced when a warning or removal was recorded this recently.
const ENFORCED_DAYS: i64 = 180;
/// A count older than this means nobody is watching the group's size.
const COUNT_FRESH_DAYS: i64 = 30;

pub fn check(conn: &Connection, community_id: i64, now: DateTime<Utc>) -> Result<HealthCheck> {
    let c = read::get(conn, community_id)?;
    let staff: i64 = conn.query_row(
        "SELECT count(*) FROM staff_community sc JOIN staff s ON s.id = sc.staff_id
         WHERE sc.community_id = ?1 AND s.archived_at IS NULL",
        [community_id],
        |r| r.get(0),
    )?;
    let since = crate::shop::today(conn, now - Duration::days(COUNT_FRESH_DAYS))?;
    let fresh_counts: i64 = conn.query_row(
        "SELECT count(*) FROM member_count WHERE community_id = ?1 AND recorded_on >= ?2",
        rusqlite::params![community_id, since],
        |r| r.get(0),
    )?;

    let enforced =
        crate::community::rule_log::enforced_since(conn, community_id, now - Duration::days(ENFORCED_DAYS))?;
    let purpose_chars = c.purpose.chars().count();
    let items = vec![
        match purpose_chars {
            0 => item(Question::RealProblem, Verdict::Fail, Finding::PurposeMissing),
            n if n < PURPOSE_MIN_CHARS => {
                item(Question::RealProblem, Verdict::Partial, Finding::PurposeTooShort)
            }
            _ => item(Question::RealProblem, Verdict::Pass, Finding::PurposeWritten),
        },
        if c.goal.is_empty() {
            item(Question::LongTermGoal, Verdict::Fail, Finding::GoalMissing)
        } else {
            item(Question::LongTermGoal, Verdict::Pass, Finding::GoalWritten)
        },
        match c.rules.len() {
            0 => item(Question::ClearRules, Verdict::Fail, Finding::RulesMissing),
            n if n < RULES_ENOUGH => item(Question::ClearRules, Verdict::Partial, Finding::RulesFew),
            _ if enforced => item(Question::ClearRules, Verdict::Pass, Finding::RulesEnforced),
            _ => item(Question::ClearRules, Verdict::Pass, Finding::RulesEnough),
        },
        match (staff > 0, fresh_counts > 0) {
            (true, true) => item(Question::UsesTools, Verdict::Pass, Finding::StaffAndCounts),
            (false, true) => item(Question::UsesTools, Verdict::Partial, Finding::NoStaff),
            (true, false) => item(Question::UsesTools, Verdict::Partial, Finding::NoRecentCounts),
            (false, false) => item(Question::UsesTools, Verdict::Fail, Finding::NoStaffNoCounts),
        },
    ];
    let points: usize = items
        .iter()
        .map(|i| match i.verdict {
            Verdict::Pass => 2,
            Verdict::Partial => 1,
            Verdict::Fail => 0,
        })
        .sum();
    let score = (points * 100 / (items.len() * 2)) as u8;
    Ok(HealthCheck { community_id, items, score })
}

fn item(question: Question, verdict: Verdict, finding: Finding) -> HealthItem {
    HealthItem { question, verdict, finding }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::community::{write, CommunityInput, Kind};
    use crate::db::open_in_memory;
    use crate::staff::{self, StaffInput};
    use crate::testing::now;

    fn verdicts(h: &HealthCheck) -> Vec<Verdict> {
        h.items.iter().map(|i| i.verdict).collect()
    }

    #[test]
    fn a_bare_community_fails_every_question() {
        let mut conn = open_in_memory().unwrap();
        let c = write::create(&mut conn, &CommunityInput::new("A", Kind::Niche), now()).unwrap();
        let h = check(&conn, c.id, now()).unwrap();
        assert_eq!(verdicts(&h), vec![Verdict::Fail; 4]);
        assert_eq!(h.score, 0);
    }

    #[test]
    fn a_planned_staffed_and_counted_community_passes_every_question() {
        let mut conn = open_in_memory().unwrap();
        let input = CommunityInput {
            purpose: Some("Daily brewing tips and member prices".into()),
            goal: Some("500 regulars buying weekly".into()),
            rules: Some(vec!["No ads".into(), "No spam".into(), "Be kind".into()]),
            ..CommunityInput::new("A", Kind::HighFrequency)
        };
        let c = write::create(&mut conn, &input, now()).unwrap();
        let clerk = StaffInput {
            display_name: "Amy".into(),
            role: "clerk".into(),
            account_id: None,
            note: None,
            community_ids: Some(vec![c.id]),
        };
        staff::write::create(&mut conn, &clerk, now()).unwrap();
        crate::member_counts::record(&conn, c.id, "2026-11-10", 50, now()).unwrap();
        let h = check(&conn, c.id, now()).unwrap();
        assert_eq!(verdicts(&h), vec![Verdict::Pass; 4]);
        assert_eq!(h.score, 100);
    }

    #[test]
    fn two_rules_and_an_old_count_are_partial() {
        let mut conn = open_in_memory().unwrap();
        let input = CommunityInput {
            purpose: Some("tips".into()),
            rules: Some(vec!["No ads".into(), "No spam".into()]),
            ..CommunityInput::new("A", Kind::HighFrequency)
        };
        let c = write::create(&mut conn, &input, now()).unwrap();
        crate::member_counts::record(&conn, c.id, "2026-09-01", 50, now()).unwrap();
        let h = check(&conn, c.id, now()).unwrap();
        assert_eq!(verdicts(&h), vec![Verdict::Partial, Verdict::Fail, Verdict::Partial, Verdict::Fail]);
        assert_eq!(h.items[3].finding, Finding::NoStaffNoCounts);
        assert_eq!(h.score, 25);
    }
}
