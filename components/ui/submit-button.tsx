"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

// Disabled while the form is submitting, so a second click sends nothing.
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? (pendingLabel ?? "Working…") : children}
    </Button>
  );
}
