import type { Sql, TransactionSql } from 'postgres';

type Client = Sql | TransactionSql;
type Callback = (sql: TransactionSql) => unknown;

/**
 * The postgres.js client as drizzle should use it: every statement prepared. drizzle's postgres-js
 * driver sends each query with `unsafe(text, params, { prepare: false })` unless it was named with
 * `.prepare(name)` (raw `sql` statements cannot be), so PostgreSQL parses every statement again and
 * postgres.js waits for a Describe before each Bind: two round trips. Prepared, a statement's text is
 * parsed once per connection and later runs are one round trip. Transactions and savepoints hand out
 * their own client, wrapped in turn. postgres.js keys a connection's statements by text and parameter
 * types; our statements carry values as parameters (the few literals, like a month count, have a
 * bounded range), and a connection is replaced after `max_lifetime`, so the cache stays bounded.
 */
export function preparing<C extends Client>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') return (text: string, params?: never[], options?: object) => target.unsafe(text, params, { ...options, prepare: true });
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const callback = args.pop() as Callback;
          return open.call(target, ...args, (inner: TransactionSql) => callback(preparing(inner)));
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
