/** `/companies` and `/companies/:slug`: preparation for a (fictional) company's interviews. */
import { Link, useParams } from "react-router-dom";
import { contentApi } from "../api/content";
import { Markdown } from "../components/Markdown";
import { useApp } from "../context";
import { ResourceState } from "../progress/ResourceState";
import { useResource } from "../progress/useResource";
import { SignInFirst } from "./SignInFirst";

export function CompanyList() {
  const { user } = useApp();
  const companies = useResource(user ? () => contentApi.companies() : null, [user?.id]);
  if (!user) return <SignInFirst title="Companies" what="prepare for a company's interviews" />;
  return (
    <div className="page">
      <h1>Companies</h1>
      <p className="muted">Fictional companies; each names the problems, quizzes and designs that prepare for its kind of interview.</p>
      <ResourceState resource={companies} what="companies" />
      <ul className="problem-list" data-testid="company-list">
        {(companies.data?.items ?? []).map((c) => (
          <li key={c.slug}>
            <Link to={`/companies/${c.slug}`}>{c.name}</Link>
            <span className="muted">{c.description}</span>
            <span className="chip">{c.progress.solved}/{c.progress.total} solved</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CompanyPage() {
  const { slug = "" } = useParams();
  const { user } = useApp();
  const loaded = useResource(user ? () => contentApi.company(slug) : null, [slug, user?.id]);
  if (!user) return <SignInFirst title="Companies" what="see your preparation" />;
  const c = loaded.data?.company;
  return (
    <div className="page">
      <ResourceState resource={loaded} what="the company" />
      {c && (
        <>
          <h1>{c.name}</h1>
          <p>{c.description}</p>
          <p data-testid="company-progress">
            {c.progress.solved} of {c.progress.total} problems solved · {c.progress.quizzes_passed} of {c.progress.quizzes_total} quizzes passed
          </p>
          {c.weak_topics.length > 0 && (
            <p data-testid="weak-topics">
              Work on: {c.weak_topics.map((t) => `${t.topic} (${t.solved}/${t.total})`).join(", ")}
            </p>
          )}
          <section className="card" aria-labelledby="process-title">
            <h2 id="process-title">The interview process</h2>
            <Markdown text={c.process} />
          </section>
          <section aria-labelledby="company-problems">
            <h2 id="company-problems">Problems</h2>
            <ul className="problem-list">
              {c.problems.map((p) => (
                <li key={p.slug}>
                  {p.available ? <Link to={`/problems/${p.slug}`}>{p.title}</Link> : <span className="muted">{p.slug} (not on this server)</span>}
                  {p.difficulty && <span className={`difficulty ${p.difficulty}`}>{p.difficulty}</span>}
                  {p.solved && <span className="chip">solved</span>}
                </li>
              ))}
            </ul>
          </section>
          {c.quizzes.length > 0 && (
            <section aria-labelledby="company-quizzes">
              <h2 id="company-quizzes">Quizzes</h2>
              <ul className="problem-list" data-testid="company-quizzes">
                {c.quizzes.map((q) => (
                  <li key={q.slug}>
                    <Link to={`/quizzes/${q.slug}`}>{q.title}</Link>
                    {q.passed && <span className="chip">passed</span>}
                    {q.best_score !== null && <span className="muted">best {Math.round(q.best_score)}%</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {c.designs.length > 0 && (
            <section aria-labelledby="company-designs">
              <h2 id="company-designs">System design</h2>
              <ul className="problem-list">
                {c.designs.map((d) => (
                  <li key={d.slug}>
                    <Link to={`/system-design/${d.slug}`}>{d.title}</Link>
                    <span className={`difficulty ${d.difficulty}`}>{d.difficulty}</span>
                    {d.best_score !== null && <span className="chip">best {d.best_score}/100</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
