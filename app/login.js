// The sign-in form that works before the WebAssembly app has arrived.
//
// index.html carries the form's markup, hidden; this script shows it to
// someone with no session, speaks their language, and posts to the same
// login API as the app's own form. This form is the first login page even
// once the app has arrived: replacing it would move what the person reads
// and types. `window.velaLogin.signedIn` is a promise the app waits for
// (`app/src/static_login.rs`) before it draws itself in the form's place.
//
// The texts are the app's, copied: each line is `key: [Italian, English],`
// with the field names of `app/src/i18n/texts.rs`, and a unit test of the
// app compares them with its own.

const TEXTS = {
  app_title: ['Vela — lavoro agile', 'Vela — smart working'],
  tagline: ['Lavoro agile nella pubblica amministrazione', 'Smart working in public administration'],
  skip_to_content: ['Vai al contenuto', 'Skip to content'],
  language_label: ['Lingua', 'Language'],
  loading: ['Caricamento…', 'Loading…'],
  demo_notice: ['Versione dimostrativa: dati di prova', 'Demo version: sample data'],
  slim_default: ['Pubblica amministrazione', 'Public administration'],
  role_employee: ['Dipendente', 'Employee'],
  role_lead: ['Responsabile', 'Team lead'],
  role_trainer: ['Formatore', 'Trainer'],
  login_title: ['Accedi a Vela', 'Log in to Vela'],
  login_intro: ['Usa le credenziali della tua amministrazione.', 'Use the credentials of your administration.'],
  login_username: ['Nome utente', 'Username'],
  login_password: ['Password', 'Password'],
  login_submit: ['Accedi', 'Log in'],
  login_submitting: ['Accesso in corso…', 'Logging in…'],
  login_error_credentials: ['Nome utente o password non corretti.', 'Wrong username or password.'],
  login_error_rate_limited: ['Troppi tentativi non riusciti: riprova tra un minuto.', 'Too many failed attempts: try again in a minute.'],
  login_error_offline: ['Il server non è raggiungibile: controlla la connessione e riprova.', 'The server cannot be reached: check your connection and try again.'],
  login_error_missing: ['Inserisci nome utente e password.', 'Enter your username and password.'],
  login_error_generic: ['Accesso non riuscito: riprova più tardi.', 'Login failed: please try again later.'],
  login_demo_title: ['Account dimostrativi', 'Demo accounts'],
  login_demo_hint: ['La password di tutti gli account dimostrativi è vela-demo.', 'The password of every demo account is vela-demo.'],
  login_demo_partner: ['Dipendente di un altro ente del partenariato (Comune di Rovereto)', 'Employee of another administration of the partnership (Comune di Rovereto)'],
  login_demo_partner_lead: ['Responsabile e formatore del Comune di Rovereto', 'Lead and trainer of the Comune di Rovereto'],
  login_demo_partner_admin: ['Amministratore del Comune di Rovereto', 'Administrator of the Comune di Rovereto'],
  login_demo_admin: ['Amministratore della Provincia e del partenariato', 'Administrator of the Provincia and of the partnership'],
  login_sso: ["Accedi con l'account dell'ente", "Sign in with your organisation's account"],
  login_sso_or: ['oppure con nome utente e password', 'or with username and password'],
  login_sso_provider_unavailable: ["Il servizio di accesso dell'ente non risponde: riprova tra qualche minuto.", "Your organisation's sign-in service does not answer: try again in a few minutes."],
  login_sso_refused: ["Il servizio di accesso dell'ente non ha concesso l'accesso.", "Your organisation's sign-in service did not let you in."],
  login_sso_invalid_state: ["L'accesso è scaduto o non è partito da questa pagina: riprova.", 'The sign-in expired or did not start from this page: try again.'],
  login_sso_invalid_token: ["La risposta del servizio di accesso non è valida: riprova e, se si ripete, avvisa l'amministratore.", "The sign-in service's answer is not valid: try again and, if it happens again, tell your administrator."],
  login_sso_unknown_person: ["Il tuo account non corrisponde a nessuna persona attiva in Vela: chiedi all'amministratore di aggiungerti o riattivarti.", 'Your account matches no active person in Vela: ask your administrator to add or reactivate you.'],
  login_sso_missing_claim: ["Il servizio di accesso non ha indicato chi sei: avvisa l'amministratore.", 'The sign-in service did not say who you are: tell your administrator.'],
  footer_label: ['Informazioni sul servizio', 'About the service'],
  footer_about: ['Vela — pianificazione del lavoro agile, software libero (EUPL 1.2).', 'Vela — planning smart working, free software (EUPL 1.2).'],
  accessibility: ['Dichiarazione di accessibilità', 'Accessibility statement'],
  privacy: ['Informativa sulla privacy', 'Privacy notice'],
  legal: ['Note legali', 'Legal notes'],
  login_sso_no_role: ["Il tuo account non ha alcun ruolo in Vela presso il servizio di accesso dell'ente: chiedi all'amministratore.", "Your account has no Vela role at your organisation's sign-in service: ask your administrator."],
};

// The texts with a parameter, as `login_demo_use` and `login_sso_with` say them.
const WITH_NAME = {
  login_demo_use: [(user) => `Usa l'account ${user}`, (user) => `Use the account ${user}`],
  login_sso_with: [(name) => `Accedi con ${name}`, (name) => `Sign in with ${name}`],
};

// Pages the app shows signed out too: they wait for the app.
const NOTICES = ['/accessibility', '/privacy', '/legal'];

// `shown` settles once this page's form has painted (at once when there is
// no form to show): the app's start-up code waits for it before fetching
// the WASM, so the form's own files have the connection to themselves.
let shown;
const velaLogin = { signedIn: null, shown: new Promise((resolve) => (shown = resolve)) };
window.velaLogin = velaLogin;

function stored(key) {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function store(key, text) {
  try {
    localStorage.setItem(key, text);
  } catch {
    // Private mode: the app asks the server again.
  }
}

const root = document.getElementById('static-login');
// `vela.me` is the app's memory of who was signed in here (removed at
// sign-out and when the session ends): that person gets the app's shell,
// never a flash of this form. So does the end of a single sign-on.
const signedOut =
  stored('vela.me') === null && !NOTICES.includes(location.pathname) && !location.search.includes('signed_in=sso');
if (root && signedOut) {
  start(root);
} else {
  shown();
}

// Calls `then` once the frame drawn after `since` is on the screen. The end
// of that frame's task is not enough: the screen can show it tens of
// milliseconds later, and a WASM fetched meanwhile (quickly, from a near
// server) then ends before the form's largest paint. Lighthouse counts
// every request ended before that paint as needed for it, and on slow 4G
// put the login page's largest paint at 3.5 s instead of 1.4 s, one run in
// ten. Browsers that report largest paints say when the frame was shown;
// the others get the frame's end, as before, and a second at most.
function afterPresented(since, then) {
  let done = false;
  let observer = null;
  const finish = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    setTimeout(then);
  };
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.includes('largest-contentful-paint')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.startTime >= since)) finish();
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    // A frame with nothing larger than what was shown before reports no
    // entry.
    setTimeout(finish, 1000);
  } else {
    requestAnimationFrame(() => setTimeout(finish));
  }
}

function start(root) {
  const form = root.querySelector('form');
  const username = form.elements.namedItem('username');
  const password = form.elements.namedItem('password');
  const submit = form.querySelector('button[type="submit"]');
  const error = form.querySelector('[data-error]');
  const saved = stored('vela.locale');
  let language = saved === 'en' ? 1 : 0;
  let config = Object.assign({ demo: false, sso: false, local_passwords: true }, stored('vela.config'));
  let busy = false;
  let signedIn;
  velaLogin.signedIn = new Promise((resolve) => (signedIn = resolve));
  // Why the last single sign-on came back here, if it did.
  const ssoCode = new URLSearchParams(location.search).get('sso_error');
  const ssoFailure = ssoCode === null ? null : TEXTS[`login_sso_${ssoCode}`] ? `login_sso_${ssoCode}` : 'login_error_generic';

  const text = (key) => (TEXTS[key] || ['', ''])[language];

  function render() {
    document.documentElement.lang = language ? 'en' : 'it';
    document.title = text('app_title');
    root.querySelectorAll('[data-text]').forEach((el) => {
      el.textContent = text(el.dataset.text);
    });
    root.querySelectorAll('[data-label]').forEach((el) => {
      el.setAttribute('aria-label', text(el.dataset.label));
    });
    root.querySelectorAll('[data-locale]').forEach((el) => {
      el.setAttribute('aria-pressed', String(el.dataset.locale === (language ? 'en' : 'it')));
    });
    root.querySelectorAll('[data-user]').forEach((el) => {
      el.setAttribute('aria-label', WITH_NAME.login_demo_use[language](el.dataset.user));
    });
    const sso = root.querySelector('[data-sso-button]');
    sso.textContent = config.sso_label ? WITH_NAME.login_sso_with[language](config.sso_label) : text('login_sso');
    submit.textContent = text(busy ? 'login_submitting' : 'login_submit');
    error.textContent = error.dataset.error ? text(error.dataset.error) : '';
    root.querySelector('[data-sso-error]').textContent = ssoFailure ? text(ssoFailure) : '';
    root.querySelectorAll('[data-demo]').forEach((el) => {
      el.hidden = !config.demo;
    });
    root.querySelector('[data-sso]').hidden = !config.sso;
    root.querySelectorAll('[data-local]').forEach((el) => {
      el.hidden = !config.local_passwords;
    });
  }

  function showError(key) {
    error.dataset.error = key || '';
    render();
  }

  root.querySelectorAll('[data-locale]').forEach((el) => {
    el.addEventListener('click', () => {
      language = el.dataset.locale === 'en' ? 1 : 0;
      // The app reads the same key and keeps a choice made here.
      store('vela.locale', JSON.stringify(el.dataset.locale));
      render();
    });
  });
  root.querySelectorAll('[data-user]').forEach((el) => {
    el.addEventListener('click', () => {
      username.value = el.dataset.user;
      password.value = 'vela-demo';
    });
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      showError('login_error_missing');
      return;
    }
    busy = true;
    submit.disabled = true;
    showError(null);
    signIn(name, password.value).then((outcome) => {
      busy = false;
      submit.disabled = false;
      if (outcome === 'signed_in') {
        // The app opens signed in from what it remembers; until it has
        // arrived, say that it is coming.
        const page = root.querySelector('.login');
        page.hidden = true;
        page.after(loading());
        signedIn();
      } else {
        showError(outcome);
      }
    });
  });

  function loading() {
    const p = document.createElement('p');
    p.className = 'loading';
    p.setAttribute('role', 'status');
    p.textContent = text('loading');
    return p;
  }

  // The same outcomes, in the same words, as the app's login page.
  async function signIn(name, secret) {
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: name, password: secret }),
      });
      if (!response.ok) {
        if (response.status === 401) return 'login_error_credentials';
        if (response.status === 429) return 'login_error_rate_limited';
        const body = await response.json().catch(() => ({}));
        return body.error === 'invalid_credentials' ? 'login_error_credentials' : 'login_error_generic';
      }
      const me = await fetch('/api/me');
      if (!me.ok) return 'login_error_generic';
      store('vela.me', await me.text());
      return 'signed_in';
    } catch {
      return 'login_error_offline';
    }
  }

  function reveal() {
    const since = performance.now();
    render();
    root.hidden = false;
    // The mark lets tests and profiles see the order.
    afterPresented(since, () => {
      if (!performance.getEntriesByName('vela:login-shown').length) performance.mark('vela:login-shown');
      shown();
    });
  }

  // The form shows once its fonts are here (preloaded by index.html), so no
  // line moves when they arrive, and on a first visit once the deployment
  // is known, so the demo notice and the single sign-on button do not push
  // it down; a second at most, whatever is late.
  const known = stored('vela.config') !== null;
  const fonts = document.fonts
    ? Promise.all(['400', '600', '700'].map((weight) => document.fonts.load(`${weight} 1em "Titillium Web"`)))
    : Promise.resolve();
  const asked = fetch('/api/config')
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error('config'))))
    .then((body) => {
      config = Object.assign({ local_passwords: true }, JSON.parse(body));
      store('vela.config', body);
      render();
    })
    .catch(() => {
      // Unreachable: the last known answer holds, as in the app.
    });
  const cap = setTimeout(reveal, 1000);
  Promise.all([fonts.catch(() => {}), known ? null : asked]).then(() => {
    clearTimeout(cap);
    reveal();
  });
}
