//! The shell's state: the one database connection, and the bridge that runs core
//! calls off the UI thread and turns core errors into `{ code, message }`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use shopcircle_core::db::Connection;
use shopcircle_core::{shop, Error, ErrorPayload, Lang};

use crate::clock::{Clock, Now};
use shopcircle_app::Error as AppError;

pub struct AppState {
    /// `Err` when the file could not be opened (say, written by a newer version):
    /// the app still starts and shows the reason instead of vanishing.
    db: Result<Arc<Mutex<Connection>>, Arc<Error>>,
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
        let db = shopcircle_core::db::open(&db_path)
            .map(|mut c| {
                reapply_erasures(&mut c, &db_path, clock.now());
                Arc::new(Mutex::new(c))
            })
            .map_err(Arc::new);
        if let Err(e) = &db {
            log::error!("could not open {}: {e}", db_path.display());
        }
        AppState {
            db,
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
        self.db.as_ref().ok().map(Arc::clone)
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
        let db = match &self.db {
            Ok(db) => Arc::clone(db),
            Err(e) => return Err(e.payload(fallback)),
        };
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
