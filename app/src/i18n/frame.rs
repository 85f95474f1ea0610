//! Strings of the frame every page sits in, as in Designers Italia's
//! conventions for public services: the slim header with the
//! administration, the footer and the public notices it links to, and the
//! administrators' form for those notices.

/// Every string of the frame, in one language.
pub struct FrameTexts {
    /// The slim header before anyone signs in (no administration known yet).
    pub slim_default: &'static str,
    pub footer_label: &'static str,
    pub footer_about: &'static str,
    pub accessibility: &'static str,
    pub privacy: &'static str,
    pub legal: &'static str,
    /// What each page says while its administration has written nothing.
    pub accessibility_default: &'static str,
    pub privacy_default: &'static str,
    pub legal_default: &'static str,
    /// "Published by {administration}."
    pub published_by: fn(&str) -> String,
    pub notices_title: &'static str,
    pub notices_intro: &'static str,
    pub notices_saved: &'static str,
    pub save: &'static str,
    pub restricted_title: &'static str,
    pub only_trainers: &'static str,
}

pub const IT: FrameTexts = FrameTexts {
    slim_default: "Pubblica amministrazione",
    footer_label: "Informazioni sul servizio",
    footer_about: "Vela — pianificazione del lavoro agile, software libero (EUPL 1.2).",
    accessibility: "Dichiarazione di accessibilità",
    privacy: "Informativa sulla privacy",
    legal: "Note legali",
    accessibility_default: "Vela è progettato per rispettare le WCAG 2.1 di livello AA e le Linee guida AgID sull'accessibilità degli strumenti informatici: ogni pagina si usa da tastiera e con lettori di schermo, i colori hanno contrasto sufficiente, i testi si ingrandiscono senza perdere contenuto.\n\nL'amministrazione che offre il servizio pubblica qui la propria dichiarazione di accessibilità, con il meccanismo di feedback e le modalità di segnalazione.",
    privacy_default: "Vela tratta i dati necessari a pianificare il lavoro agile: nome, team, ruoli, giornate pianificate e assenze (senza il motivo, che vedono solo la persona e l'amministrazione). I dati restano sui server dell'amministrazione.\n\nL'amministrazione titolare del trattamento pubblica qui la propria informativa ai sensi degli articoli 13 e 14 del Regolamento (UE) 2016/679.",
    legal_default: "Vela è software libero distribuito con licenza EUPL 1.2.\n\nL'amministrazione che offre il servizio pubblica qui le proprie note legali.",
    published_by: |org| format!("Testo pubblicato da {org}."),
    notices_title: "Testi del piè di pagina",
    notices_intro: "La dichiarazione di accessibilità, l'informativa sulla privacy e le note legali, collegate in fondo a ogni pagina. Testo semplice: separa i paragrafi con una riga vuota. Se un testo è vuoto, la pagina mostra un testo generale.",
    notices_saved: "Testi del piè di pagina salvati.",
    save: "Salva i testi",
    restricted_title: "Pagina riservata",
    only_trainers: "Questa pagina è riservata a chi tiene la formazione e agli amministratori.",
};

pub const EN: FrameTexts = FrameTexts {
    slim_default: "Public administration",
    footer_label: "About the service",
    footer_about: "Vela — planning smart working, free software (EUPL 1.2).",
    accessibility: "Accessibility statement",
    privacy: "Privacy notice",
    legal: "Legal notes",
    accessibility_default: "Vela is designed to meet WCAG 2.1 level AA and AgID's guidelines on the accessibility of IT tools: every page works with a keyboard and screen readers, colours have enough contrast, and text can be enlarged without losing content.\n\nThe administration offering the service publishes its own accessibility statement here, with its feedback mechanism and how to report a problem.",
    privacy_default: "Vela processes the data needed to plan smart working: name, team, roles, planned days and absences (without their reason, which only the person and the administration see). The data stay on the administration's servers.\n\nThe administration, as data controller, publishes its own notice here under Articles 13 and 14 of Regulation (EU) 2016/679.",
    legal_default: "Vela is free software released under the EUPL 1.2 licence.\n\nThe administration offering the service publishes its own legal notes here.",
    published_by: |org| format!("Published by {org}."),
    notices_title: "Footer texts",
    notices_intro: "The accessibility statement, the privacy notice and the legal notes, linked at the foot of every page. Plain text: separate paragraphs with a blank line. While a text is empty, its page shows a general text.",
    notices_saved: "Footer texts saved.",
    save: "Save the texts",
    restricted_title: "Restricted page",
    only_trainers: "This page is for trainers and administrators only.",
};
