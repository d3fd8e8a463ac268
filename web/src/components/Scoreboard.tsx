/** The contest board: rank, person, solved/score, penalty and one cell per problem. */
import { Link } from "react-router-dom";
import type { StandingRow } from "../rooms/types";
import { nameOf } from "../rooms/useRoom";

function cellText(c: StandingRow["problems"][number]): string {
  if (c.accepted_at !== null && c.accepted_at !== undefined) return c.attempts > 1 ? `+${c.attempts - 1}` : "+";
  if (c.pending) return "?";
  return c.attempts ? `−${c.attempts}` : "";
}

interface Props {
  rows: StandingRow[];
  problems: string[];
  names: Record<number, string>;
  me?: number;
  format: string;
  caption: string;
}

export function Scoreboard({ rows, problems, names, me, format, caption }: Props) {
  const points = format === "score" ? "Score" : "Solved";
  return (
    <div className="table-wrap">
      <table className="scoreboard" data-testid="scoreboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Player</th>
            <th scope="col">{points}</th>
            <th scope="col">Penalty</th>
            {problems.map((p, i) => (
              <th scope="col" key={p} title={p}>{String.fromCharCode(65 + i)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const cells = new Map(r.problems.map((c) => [c.problem, c]));
            return (
              <tr key={r.user_id} className={r.user_id === me ? "me" : undefined} data-testid="score-row" data-user={r.user_id} data-solved={r.solved}>
                <td>{r.rank}</td>
                <th scope="row"><Link to={`/users/${r.user_id}`}>{nameOf(names, r.user_id, me)}</Link></th>
                <td>{format === "score" ? r.score : r.solved}</td>
                <td>{r.penalty}</td>
                {problems.map((p) => {
                  const c = cells.get(p);
                  const solved = c && c.accepted_at !== null && c.accepted_at !== undefined;
                  return (
                    <td key={p} className={solved ? "cell ok" : c?.attempts ? "cell bad" : "cell"}>
                      {c ? cellText(c) : ""}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
