import { randomUUID } from "node:crypto";

import type { Role } from "@/lib/access/roles";
import { getAuth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/create-user";

export const APP = "http://127.0.0.1:3000";
export const PASSWORD = "correct-horse-battery-staple";

/** A fresh user of the given role with a password. */
export async function makeUser(role: Role, tag: string = role): Promise<{ id: string; email: string }> {
  return createUser({
    email: `${tag}-${randomUUID().slice(0, 8)}@example.test`,
    name: `Test ${tag}`,
    role,
    password: PASSWORD,
  });
}

/** Signs in through better-auth's real HTTP handler; returns the response and the cookie header to send back. */
export async function signIn(
  email: string,
  password = PASSWORD,
  ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
): Promise<{ res: Response; cookie: string }> {
  const res = await getAuth().handler(
    new Request(`${APP}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { res, cookie };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as the app would, with the given credentials and headers. */
export function call(
  handler: Handler,
  init: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: unknown;
    params?: Record<string, string>;
  } = {},
) {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return handler(
    new Request(`${APP}${init.path ?? "/api/test"}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
}
