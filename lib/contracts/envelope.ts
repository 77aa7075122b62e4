import { z } from "zod";

/** Most JSON answers wrap their payload in `{ data }`: exactly that key, nothing else. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.strictObject({ data: schema });

/** `{ data: { status: "active" } }`: what an approval answers. */
export const ZApproved = dataOf(z.strictObject({ status: z.literal("active") }));

/** `{ data: { ok: true } }`: what a done action with nothing else to say answers. */
export const ZOk = dataOf(z.strictObject({ ok: z.literal(true) }));
