//! Strings of the sync status area (a new version, an unreadable or
//! unsaveable outbox, why a change was refused) and of signing out while
//! changes still wait.

pub struct SyncTexts {
    pub outdated: &'static str,
    pub reload: &'static str,
    pub unreadable: &'static str,
    pub unreadable_download: &'static str,
    /// File name of the downloaded outbox.
    pub unreadable_file: &'static str,
    pub storage_full: &'static str,
    pub storage_refused: &'static str,
    pub refused_id_in_use: &'static str,
    /// "The server refused the request (error {status}): {message}".
    pub refused_request: fn(u16, &str) -> String,

    pub logout_title: &'static str,
    /// "{n} changes have not been sent to the server yet."
    pub logout_waiting: fn(usize) -> String,
    pub logout_kept: &'static str,
    pub logout_wait: &'static str,
    pub logout_sending: &'static str,
    pub logout_anyway: &'static str,
    pub logout_cancel: &'static str,
}

pub const IT: SyncTexts = SyncTexts {
    outdated: "È disponibile una nuova versione di Vela — ricarica",
    reload: "Ricarica",
    unreadable: "Le modifiche salvate su questo dispositivo non si possono leggere con questa \
                 versione di Vela. Sono conservate così come sono: scaricale e consegnale \
                 all'amministratore. Le modifiche fatte ora vengono inviate, ma non restano su \
                 questo dispositivo se chiudi la pagina senza connessione.",
    unreadable_download: "Scarica le modifiche salvate (JSON)",
    unreadable_file: "vela-modifiche-salvate.json",
    storage_full: "Lo spazio del browser è esaurito: le modifiche in attesa non si possono \
                   salvare su questo dispositivo. Non chiudere la pagina finché non sono inviate.",
    storage_refused: "Il browser non permette di salvare le modifiche in attesa su questo \
                      dispositivo. Non chiudere la pagina finché non sono inviate.",
    refused_id_in_use: "l'identificativo di questa modifica è già usato da un'altra modifica: \
                        non può essere registrata",
    refused_request: |status, message| {
        format!("il server ha rifiutato la richiesta (errore {status}): {message}")
    },

    logout_title: "Modifiche non ancora inviate",
    logout_waiting: |n| {
        if n == 1 {
            "1 modifica non è ancora stata inviata al server.".to_string()
        } else {
            format!("{n} modifiche non sono ancora state inviate al server.")
        }
    },
    logout_kept: "Se esci comunque, restano su questo dispositivo solo per te, nessun altro le \
                  vede, e vengono inviate al tuo prossimo accesso.",
    logout_wait: "Aspetta l'invio",
    logout_sending: "Invio in corso: uscirai appena il server le avrà ricevute.",
    logout_anyway: "Esci comunque",
    logout_cancel: "Annulla",
};

pub const EN: SyncTexts = SyncTexts {
    outdated: "A new version of Vela is available — reload",
    reload: "Reload",
    unreadable: "The changes saved on this device cannot be read by this version of Vela. \
                 They are kept as they are: download them and give them to your administrator. \
                 Changes made now are sent, but do not stay on this device if you close the page \
                 without a connection.",
    unreadable_download: "Download the saved changes (JSON)",
    unreadable_file: "vela-saved-changes.json",
    storage_full: "The browser's storage is full: changes waiting to be sent cannot be saved on \
                   this device. Do not close the page until they are sent.",
    storage_refused: "The browser does not allow saving the changes waiting to be sent on this \
                      device. Do not close the page until they are sent.",
    refused_id_in_use: "this change's identifier is already used by another change: it cannot \
                        be recorded",
    refused_request: |status, message| {
        format!("the server refused the request (error {status}): {message}")
    },

    logout_title: "Changes not sent yet",
    logout_waiting: |n| {
        if n == 1 {
            "1 change has not been sent to the server yet.".to_string()
        } else {
            format!("{n} changes have not been sent to the server yet.")
        }
    },
    logout_kept: "If you sign out anyway, they stay on this device for you only, no one else \
                  sees them, and they are sent the next time you sign in.",
    logout_wait: "Wait for them to be sent",
    logout_sending: "Sending: you will be signed out as soon as the server has them.",
    logout_anyway: "Sign out anyway",
    logout_cancel: "Cancel",
};
