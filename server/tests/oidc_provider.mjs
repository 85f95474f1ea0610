// A real OpenID Provider for the single sign-on tests: the npm package
// oidc-provider (a certified implementation) with its development login
// form (any password is accepted; the login is the account id).
//
// node oidc_provider.mjs PORT CONFIG_JSON     (PORT 0: any free port)
// CONFIG_JSON: {"clients": [{client_id, client_secret, redirect_uris}],
//               "accounts": {id: {preferred_username, email, ...}}}
// Prints "listening PORT" once ready.
//
// Test hook: POST /__test/next-id-token with a JWT as the body makes the
// next token answer carry that ID token instead of its own — how the tests
// show what Vela does with a token meant for another client.
import Provider from 'oidc-provider';

const [port, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson || '{}');
const accounts = config.accounts || {};
let substitute = null;

function start(issuer) {
  const provider = new Provider(issuer, {
    clients: (config.clients || []).map((c) => ({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...c,
    })),
    findAccount(ctx, sub) {
      if (!Object.hasOwn(accounts, sub)) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) };
    },
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name', 'groups'],
      email: ['email', 'email_verified'],
    },
    // The profile claims go in the ID token, as most providers do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // No consent screen: the test client is the deployment's own.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['vela-test-only'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/__test/next-id-token' && ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      substitute = Buffer.concat(chunks).toString('utf8').trim();
      ctx.body = 'ok';
      return;
    }
    await next();
    if (ctx.path === '/token' && substitute && ctx.body && ctx.body.id_token) {
      ctx.body = { ...ctx.body, id_token: substitute };
      substitute = null;
    }
  });
  return provider;
}

// The issuer names the port, so listen first on a plain server, then mount.
import http from 'node:http';
const server = http.createServer();
server.listen(Number(port), '127.0.0.1', () => {
  const actual = server.address().port;
  const provider = start(`http://127.0.0.1:${actual}`);
  server.on('request', provider.callback());
  console.log(`listening ${actual}`);
});
