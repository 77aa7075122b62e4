/** Renders catalog text: prose with ```yaml fenced blocks and `inline code`. Plain text only, never HTML. */
export function RemediationText({ text }: { text: string }) {
  const parts = text.split(/```(?:yaml)?\n?/);
  return (
    <div className="space-y-2 text-sm text-slate-700">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <pre key={i} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {part.trimEnd()}
          </pre>
        ) : part.trim() ? (
          <p key={i}>
            {part.split(/`([^`]+)`/).map((seg, j) =>
              j % 2 === 1 ? (
                <code key={j} className="rounded bg-slate-100 px-1 font-mono text-xs">
                  {seg}
                </code>
              ) : (
                seg
              ),
            )}
          </p>
        ) : null,
      )}
    </div>
  );
}
