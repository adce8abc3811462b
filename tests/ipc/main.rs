//! The shell's IPC commands under Tauri's mock runtime, one module per area.
//!
//! One test binary rather than one per file: each links the whole shell (Tauri,
//! WebKit bindings, the core), so a binary per file cost a link and a couple of
//! hundred megabytes of disk each in a fresh build. Starting at login has a
//! binary of its own (tests/ipc_autostart.rs): it changes the process's home.

mod common;

mod alliances;
mod backups;
mod campaigns;
mod commands;
mod drainage;
mod everyday;
mod files;
mod imports;
mod members;
mod posters;
mod referrals;
mod schedules;
mod vouchers;
