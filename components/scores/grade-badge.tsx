import { cn } from "@/lib/utils";

const STYLE: Record<string, string> = {
  A: "bg-emerald-600 text-white",
  B: "bg-lime-600 text-white",
  C: "bg-amber-500 text-slate-900",
  D: "bg-orange-600 text-white",
  F: "bg-red-700 text-white",
};

/** A grade with its score; "n/a" when there was nothing to evaluate, "?" when too little was evaluated to grade it. */
export function GradeBadge({
  grade,
  score,
  size = "sm",
}: {
  grade: string | null;
  score: number | null;
  size?: "sm" | "lg";
}) {
  const label = score === null ? "n/a" : grade === null ? "?" : grade;
  return (
    <span
      className={cn(
        "inline-flex items-center justify-center rounded-md font-bold",
        grade ? STYLE[grade] : "bg-slate-200 text-slate-600",
        size === "lg" ? "h-14 w-14 text-2xl" : "h-7 min-w-7 px-1.5 text-sm",
      )}
      title={
        score === null
          ? "Nothing to evaluate"
          : grade === null
            ? `Score ${score.toFixed(1)}, incomplete: under 90% of checks evaluated`
            : `Score ${score.toFixed(1)}`
      }
    >
      {label}
    </span>
  );
}
