// A certified OpenID provider (the npm package oidc-provider) on loopback, for OidcSignInBrowserTest only.
// Environment: PORT (required), REDIRECT_URI (the gateway's /oauth/oidc/callback). Its users take any password (the
// package's development sign-in pages); their roles claim is 'groups'. Prints "ready" once it listens.
import { Provider } from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const API = 'https://rapport.test/api';
const OTHER_API = 'https://other.test/api';

const users = {
  olivia: { name: 'Olivia Oidc', email: 'olivia@example.com', groups: ['rapport-agents', 'staff'] },
  adam: { name: 'Adam Oidc', email: 'adam@example.com', groups: ['rapport-admins'] },
  nora: { name: 'Nora Norole', email: 'nora@example.com', groups: ['staff'] },
};
const serviceClients = { 'rapport-robot': ['rapport-services'] };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'rapport-web',
      client_secret: 'rapport-web-test-secret',
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: 'rapport-robot',
      client_secret: 'rapport-robot-test-secret',
      redirect_uris: [],
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  async findAccount(ctx, sub) {
    const user = users[sub] || { name: sub, groups: [] };
    return {
      accountId: sub,
      async claims() {
        return { sub, name: user.name, email: user.email };
      },
    };
  },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (ctx, client, oneOf) => (oneOf ? oneOf[0] : API),
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resource) => ({
        scope: 'rapport',
        audience: resource === OTHER_API ? 'other-api' : 'rapport',
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  async extraTokenClaims(ctx, token) {
    if (token.accountId) {
      const user = users[token.accountId] || { groups: [] };
      return { groups: user.groups, name: user.name, email: user.email, preferred_username: token.accountId };
    }
    return { groups: serviceClients[token.clientId] || [], preferred_username: token.clientId };
  },
  pkce: { required: () => true },
});

provider.listen(port, '127.0.0.1', () => {
  console.log('ready');
});
