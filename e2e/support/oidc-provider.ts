// A real OpenID Connect provider (node-oidc-provider, certified) for the single sign-on tests:
// discovery, JWKS, authorization code + PKCE, ID tokens with a groups claim, and its own
// login and consent pages, on loopback.
import Provider from "oidc-provider";

import { APP_URL, OIDC_CLIENT, OIDC_ISSUER, OIDC_PORT, SSO_GROUPS } from "./constants";

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${APP_URL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Put the scope's claims (groups) into the ID token, as enterprise IdPs do for group claims.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-cookie-key-1b7d"] },
  features: { devInteractions: { enabled: true } },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: `${id}@sso.example.test`,
      email_verified: true,
      name: id[0]!.toUpperCase() + id.slice(1),
      groups: SSO_GROUPS[id] ?? [],
    }),
  }),
});
provider.proxy = false;
provider.listen(OIDC_PORT, "127.0.0.1", () => console.log(`OIDC provider on ${OIDC_ISSUER}`));
