/** The frame of a 404 or an error page: the code, the title, then what to say and the way on. */
export function RefusalFrame({ code, title, children }: { code?: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="refusal-title" className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 id="refusal-title" className="text-2xl font-semibold tracking-tight">
        {code && <span className="block text-5xl font-bold tabular-nums text-muted-foreground">{code} </span>}
        {title}
      </h1>
      {children}
    </section>
  );
}
