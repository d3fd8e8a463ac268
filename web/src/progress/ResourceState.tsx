/** What a progress card shows while its data is loading, failed, or not offered by this server. */
import type { Resource } from "./useResource";

export function ResourceState<T>({ resource, what }: { resource: Resource<T>; what: string }) {
  if (resource.missing) {
    return (
      <p className="muted" data-testid="not-available">
        {what[0].toUpperCase() + what.slice(1)} {what.endsWith("s") ? "are" : "is"} not available on this server yet.
      </p>
    );
  }
  if (resource.error) {
    return (
      <div className="error" role="alert">
        <span>Could not load {what}: {resource.error} </span>
        <button type="button" className="secondary small" onClick={resource.reload}>Try again</button>
      </div>
    );
  }
  if (resource.loading && !resource.data) return <p role="status" className="muted">Loading {what}…</p>;
  return null;
}
