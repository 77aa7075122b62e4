import Link from "next/link";
import type { ComponentProps } from "react";

import { buttonClass, type ButtonSize, type ButtonVariant } from "./button";

/** A link to another page that looks like a button. */
export function ButtonLink({
  variant,
  size,
  className,
  ...props
}: { variant?: ButtonVariant; size?: ButtonSize } & ComponentProps<typeof Link>) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
