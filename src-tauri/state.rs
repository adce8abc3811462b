//! The shell's state: the one database connection, and the bridge that runs core
//! calls off the UI thread and turns core errors into `{ code, message }`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use shopcircle_core::db::Connection;
use shopcircle_core::{backup, restore, shop, Error, ErrorPayload, Lang};

use crate::clock::{Clock, Now};
use shopcircle_app::Error as AppError;

pub struct AppState {
    /// The one connection. After a restore the same mutex holds the new file's
    /// connection, so the reminder task and every command follow it.
    db: Arc<Mutex<Connection>>,
    /// Why the file could not be opened (damaged, missing with backups beside
    /// it, written by a newer version): the app still starts and offers to
    /// restore, instead of vanishing or starting empty. `db` is then an empty
    /// in-memory stand-in that no command reaches.
    broken: Mutex<Option<Arc<Error>>>,
    /// The app's shared hold on the file: a restore by the CLI waits for it.
    hold: Mutex<Option<restore::ShopHold>>,
    /// When the last automatic backup ran and how the data stood then.
    pub backups: crate::backups::Backups,
    pub db_path: PathBuf,
    /// The language to use before the owner has chosen one.
    pub system_language: Lang,
    /// The system's fonts, read once (it takes a moment) and shared by every render.
    fonts: Arc<OnceLock<Result<shopcircle_print::Fonts, shopcircle_print::Error>>>,
    /// What "now" is for every command and the reminder task.
    pub clock: Arc<Clock>,
    /// Wakes the reminder task when something it sleeps on changed (a
    /// schedule, a content item, the clock), so it recomputes its next wake.
    pub reminders_changed: Arc<tokio::sync::Notify>,
    /// A folder that answers the save dialog without showing it (the file
    /// goes there under the name the dialog would propose). Only the shell's
    /// IPC tests set it, since the dialog needs a desktop; `None` in the app.
    pub save_dialog_answers: Option<PathBuf>,
}

impl AppState {
    pub fn open(db_path: PathBuf, system_language: Lang) -> Self {
        let clock = Arc::new(Clock::from_env());
        let folder = backup::default_folder(&db_path);
        let removed = backup::clean_partials(&folder);
        if removed > 0 {
            log::warn!("removed {removed} file(s) an interrupted backup left");
        }
        // Held before the file is opened, so a restore by the CLI cannot replace it in between.
        let hold = db_path.exists().then(|| restore::hold(&db_path)).flatten();
        let (db, broken) = match open_shop(&db_path, clock.now()) {
            Ok(c) => (c, None),
            Err(e) => {
                log::error!("could not open {}: {e}", db_path.display());
                (stand_in(), Some(Arc::new(e)))
            }
        };
        // A new shop's file exists only now.
        let hold = hold.or_else(|| broken.is_none().then(|| restore::hold(&db_path)).flatten());
        AppState {
            db: Arc::new(Mutex::new(db)),
            broken: Mutex::new(broken),
            hold: Mutex::new(hold),
            backups: Default::default(),
            db_path,
            system_language,
            fonts: Arc::new(OnceLock::new()),
            clock,
            reminders_changed: Arc::new(tokio::sync::Notify::new()),
            save_dialog_answers: None,
        }
    }

    /// The connection, when the file opened.
    pub fn db(&self) -> Option<Arc<Mutex<Connection>>> {
        self.broken().is_none().then(|| Arc::clone(&self.db))
    }

    /// Why the shop's file is not open, if it is not.
    pub fn broken(&self) -> Option<Arc<Error>> {
        self.broken.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Replaces the shop's file while holding the connection's lock: the old
    /// connection is closed (its log folded in), the app's hold let go, `swap`
    /// runs with the file free, and the file is opened again whatever happened.
    pub async fn swap_file<T, F>(&self, swap: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&std::path::Path) -> Result<T, Error> + Send + 'static,
    {
        let fallback = self.system_language;
        let db = Arc::clone(&self.db);
        let path = self.db_path.clone();
        let now = self.now();
        let lang = if self.broken().is_none() {
            let conn = db.lock().unwrap_or_else(|p| p.into_inner());
            shop::language_or(&conn, fallback)
        } else {
            fallback
        };
        let released = self.hold.lock().unwrap_or_else(|p| p.into_inner()).take();
        let outcome = tauri::async_runtime::spawn_blocking(move || {
            let mut conn = db.lock().unwrap_or_else(|p| p.into_inner());
            drop(std::mem::replace(&mut *conn, stand_in()));
            drop(released);
            let swapped = swap(&path);
            // Held again before the new file is opened.
            let hold = restore::hold(&path);
            let reopened = open_shop(&path, now);
            (swapped, reopened.map(|c| *conn = c), hold)
        })
        .await;
        let (swapped, reopened, hold) = match outcome {
            Ok(done) => done,
            Err(e) => {
                log::error!("a restore stopped: {e}");
                return Err(Error::Damaged("restore stopped").payload(fallback));
            }
        };
        *self.broken.lock().unwrap_or_else(|p| p.into_inner()) = reopened.err().map(Arc::new);
        *self.hold.lock().unwrap_or_else(|p| p.into_inner()) = hold;
        self.reminders_changed();
        swapped.map_err(|e| e.payload(lang))
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Tells the reminder task to look again.
    pub fn reminders_changed(&self) {
        self.reminders_changed.notify_one();
    }

    /// Reads the system's fonts in the background, so the first poster preview
    /// does not wait for it.
    pub fn warm_fonts(&self) {
        if self.fonts.get().is_some() {
            return;
        }
        let fonts = Arc::clone(&self.fonts);
        std::thread::spawn(move || {
            fonts.get_or_init(shopcircle_print::Fonts::system);
        });
    }

    /// Like `run`, with the fonts posters are drawn with; when the system has no
    /// Chinese font, that is the error the owner sees.
    pub async fn run_with_fonts<T, E, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Connection, &shopcircle_print::Fonts) -> Result<T, E> + Send + 'static,
    {
        let fonts = Arc::clone(&self.fonts);
        self.run(move |conn| {
            let fonts =
                fonts.get_or_init(shopcircle_print::Fonts::system).clone().map_err(AppError::Print)?;
            f(conn, &fonts).map_err(Into::into)
        })
        .await
    }

    /// Like `run_with_fonts`, with the shop's language too.
    pub async fn run_with_fonts_in_lang<T, E, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Connection, &shopcircle_print::Fonts, Lang) -> Result<T, E> + Send + 'static,
    {
        let fallback = self.system_language;
        self.run_with_fonts(move |conn, fonts| {
            let lang = shop::language_or(conn, fallback);
            f(conn, fonts, lang).map_err(Into::<AppError>::into)
        })
        .await
    }

    /// Like `run`, with the shop's language for the words a core answer carries.
    pub async fn run_in_lang<T, E, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Connection, Lang) -> Result<T, E> + Send + 'static,
    {
        let fallback = self.system_language;
        self.run(move |conn| {
            let lang = shop::language_or(conn, fallback);
            f(conn, lang)
        })
        .await
    }

    /// Runs `f` on the connection in the blocking pool, so a slow disk never
    /// freezes the window, and speaks any error in the shop's language.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        E: Into<AppError>,
        F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    {
        let fallback = self.system_language;
        if let Some(e) = self.broken() {
            return Err(e.payload(fallback));
        }
        let db = Arc::clone(&self.db);
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier call poisons the lock; the connection itself is
            // still sound (every write is a transaction), so carry on with it.
            let mut conn = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let lang = shop::language_or(&conn, fallback);
            f(&mut conn).map_err(|e| e.into().payload(lang))
        })
        .await
        .map_err(|e| {
            log::error!("a command stopped: {e}");
            let message = match fallback {
                Lang::En => "ShopCircle could not finish this step; try again",
                Lang::ZhCn => "ShopCircle 未能完成这一步，请重试",
            };
            ErrorPayload { code: shopcircle_core::ErrorCode::Internal, message: message.into(), field: None }
        })?
    }
}

/// Opens the shop's file for the app: a file cut short is said rather than
/// opened, and a missing file with backups beside it is not silently made
/// anew (the owner chooses: restore the newest, or start an empty shop).
fn open_shop(path: &std::path::Path, now: chrono::DateTime<chrono::Utc>) -> Result<Connection, Error> {
    if path.exists() {
        backup::looks_whole(path)?;
    } else if backup::newest(&backup::default_folder(path)).is_some() {
        return Err(Error::NoDatabase { path: path.display().to_string() });
    }
    let mut conn = shopcircle_core::db::open_with(path, shopcircle_core::db::IfMissing::Create, now)?;
    reapply_erasures(&mut conn, path, now);
    Ok(conn)
}

/// Starts an empty shop where the file is missing (the owner chose not to restore).
pub fn start_empty(path: &std::path::Path, now: chrono::DateTime<chrono::Utc>) -> Result<(), Error> {
    shopcircle_core::db::open_with(path, shopcircle_core::db::IfMissing::Create, now).map(drop)
}

/// What `db` holds while the real file is closed or could not be opened.
fn stand_in() -> Connection {
    match Connection::open_in_memory() {
        Ok(c) => c,
        // Only out of memory makes this fail; nothing sensible is left to do.
        Err(e) => panic!("no memory for an empty database: {e}"),
    }
}

/// Members erased on request stay erased when the database file is an older
/// copy (a restored backup): the erasures recorded beside it are applied again.
fn reapply_erasures(conn: &mut Connection, db_path: &std::path::Path, now: chrono::DateTime<chrono::Utc>) {
    let outside = shopcircle_core::member::read_outside(&shopcircle_core::member::erasures_file(db_path));
    match shopcircle_core::member::reapply(conn, &outside, now) {
        Ok(0) => {}
        Ok(n) => log::warn!("erased {n} member(s) again whose erasure was recorded beside the database"),
        Err(e) => log::error!("could not re-apply recorded erasures: {e}"),
    }
}
