/** The council members' comments on an application, oldest first; the times come formatted. Shown to members and staff, never to the applicant. */
export function CouncilComments({ comments }: { comments: { id: string; author: string; body: string; at: string }[] }) {
  return (
    <ol className="space-y-2">
      {comments.map((c) => (
        <li key={c.id} className="rounded-md border px-3 py-2 text-sm">
          <p className="text-xs text-muted-foreground">
            <span className="font-medium text-foreground">{c.author}</span> · {c.at}
          </p>
          <p className="mt-1 whitespace-pre-line">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
