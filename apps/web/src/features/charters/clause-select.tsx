import type { Clause } from '@essaim/core/charters';
import { Select } from '@mantine/core';

/** Pick a clause by its opening words (headings marked with #). */
export function ClauseSelect({
  clauses,
  value,
  onChange,
  label,
}: {
  clauses: readonly Clause[];
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
}) {
  return (
    <Select
      label={label}
      searchable
      data={clauses
        .filter((c) => c.text.trim())
        .map((c) => ({
          value: c.id,
          label: `${c.kind === 'heading' ? '# ' : ''}${c.text.slice(0, 70)}${c.text.length > 70 ? '…' : ''}`,
        }))}
      value={value}
      onChange={onChange}
    />
  );
}

export function clauseLabel(clauses: readonly Clause[], id: string): string {
  const c = clauses.find((x) => x.id === id);
  return c ? c.text.slice(0, 60) : id;
}
