import type { Role } from "./roles";
import type { TokenScope } from "./token-scopes";

/** Who is making a request, as every domain verb receives it. */
export type Caller = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** A browser session (cookie) or an API token (Authorization: Bearer). */
  via: "session" | "token";
  /** An API token's scopes (none for a session). */
  scopes: TokenScope[];
  ip: string | null;
};
