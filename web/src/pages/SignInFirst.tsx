/** What a signed-out visitor sees on a page that needs an account. */
import { Link } from "react-router-dom";

export function SignInFirst({ title, what }: { title: string; what: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>
        <Link to="/signin">Sign in</Link> or <Link to="/signup">sign up</Link> to {what}.
      </p>
    </div>
  );
}
