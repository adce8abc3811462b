//! The command-line tool run as a user runs it, one module per area; one test
//! binary rather than one per file, so a fresh build links it once.

mod common;

mod alliance;
mod backup;
mod campaign;
mod community;
mod crash;
mod dashboard;
mod draw;
mod import;
mod member;
mod probes;
mod product;
mod purchase;
mod qr_poster;
mod referral;
mod schedule;
mod voucher;
