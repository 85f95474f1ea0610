//! Strings that say honestly what happens without a connection: the
//! offline banner, changes saved on the device, and the changes waiting
//! when the session was lost.

pub struct OfflineTexts {
    pub banner: &'static str,
    /// Said instead of "sent" when a change is only queued.
    pub saved: &'static str,
    /// "{n} changes of {name} are saved on this device: they will be sent
    /// after you sign in."
    pub login_waiting: fn(usize, &str) -> String,
    /// Heading when an area's code could not be downloaded (first visit offline).
    pub area_unavailable: &'static str,
    pub area_unavailable_hint: &'static str,
    pub retry: &'static str,
}

pub const IT: OfflineTexts = OfflineTexts {
    area_unavailable: "Impossibile aprire questa pagina",
    area_unavailable_hint: "Questa parte dell'app non è ancora stata scaricata e il server non è raggiungibile. Controlla la connessione e riprova; le tue modifiche restano su questo dispositivo.",
    retry: "Riprova",
    banner: "Sei offline: puoi continuare a lavorare, le modifiche restano su questo dispositivo e saranno inviate quando sarai online.",
    saved: "Salvato, sarà inviato quando sarai online.",
    login_waiting: |n, name| {
        let what = if n == 1 {
            "1 modifica".to_owned()
        } else {
            format!("{n} modifiche")
        };
        let verb = if n == 1 { "è salvata" } else { "sono salvate" };
        format!("La sessione di {name} è scaduta. {what} {verb} su questo dispositivo e {} dopo l'accesso.", if n == 1 { "sarà inviata" } else { "saranno inviate" })
    },
};

pub const EN: OfflineTexts = OfflineTexts {
    area_unavailable: "This page could not be loaded",
    area_unavailable_hint: "Its part of the app has not been downloaded yet and the server cannot be reached. Check your connection and try again; your changes stay on this device.",
    retry: "Try again",
    banner: "You are offline: you can keep working, changes stay on this device and will be sent when you are online.",
    saved: "Saved, will be sent when you are online.",
    login_waiting: |n, name| {
        let what = if n == 1 {
            "1 change is".to_owned()
        } else {
            format!("{n} changes are")
        };
        format!("{name}'s session has ended. {what} saved on this device and will be sent after signing in.")
    },
};
