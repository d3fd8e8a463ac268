/** `/system-design`: the system-design problems with your best reviewed score. */
import { Link } from "react-router-dom";
import { designApi } from "../api/designs";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";
import { SignInFirst } from "./SignInFirst";

export function DesignList() {
  const { user } = useApp();
  const designs = useResource(user ? () => designApi.list() : null, [user?.id]);
  if (!user) return <SignInFirst title="System design" what="practise system design: draw a design, get it reviewed" />;
  return (
    <div className="page">
      <h1>System design</h1>
      <p className="muted">Draw the components and the arrows between them; submitting asks the coach for a review.</p>
      <ResourceState resource={designs} what="system-design problems" />
      <ul className="problem-list" data-testid="design-list">
        {(designs.data?.items ?? []).map((d) => (
          <li key={d.slug}>
            <Link to={`/system-design/${d.slug}`}>{d.title}</Link>
            <span className={`difficulty ${d.difficulty}`}>{d.difficulty}</span>
            <span className="muted">about {d.estimated_minutes} min</span>
            {d.best_score !== null && <span className="chip">best {d.best_score}/100</span>}
            {d.open_session !== null && <span className="chip">in progress</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
