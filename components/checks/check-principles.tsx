import { Card, CardTitle } from "@/components/ui/card";

/** The rules every check follows, stated where users read the checks. Each check's rationale says how it applies them per scan mode. */
export function CheckPrinciples() {
  return (
    <Card aria-labelledby="principles" className="mb-8 text-sm text-slate-700">
      <CardTitle id="principles" className="text-slate-900">
        What a finding means
      </CardTitle>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>A finding names a concrete risk in the object in front of it</strong>: what in this object is wrong
          and what an attacker or an outage gets from it, not a general recommendation repeated on every object.
        </li>
        <li>
          <strong>One root cause gives one finding.</strong> When several checks would report the same cause (a pod with
          no egress policy can also reach the cloud metadata API; an untagged image is also unpinned), the check that
          owns the cause reports it and the others stay quiet.
        </li>
        <li>
          <strong>A check that cannot know says &ldquo;not evaluated&rdquo;</strong>, with the reason and what would fix
          it, instead of guessing. It never counts as a pass, and weighs as failing in the scores. One with nothing to
          judge here by design (the provider&apos;s part of a managed cluster, no cloud metadata service, a setting not
          made, cluster state in a manifests scan) says &ldquo;not applicable&rdquo;, with why, and stays out of the
          scores.
        </li>
      </ul>
      <p className="mt-2">
        A manifests scan (CI) sees only the files it is given; a cluster scan sees the cluster&apos;s state. Where that
        changes what a check can know, its rationale (on the check’s page) says what it does in each mode: for example,
        the metadata-API check needs the nodes&apos; cloud provider, so it does not apply to a manifests scan, and a
        role that nothing in the scanned files binds is reported as &ldquo;bound by nothing scanned&rdquo;.
      </p>
    </Card>
  );
}
