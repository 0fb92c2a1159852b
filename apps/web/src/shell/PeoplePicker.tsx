import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const People = graphql(`
  query People($filter: PeopleFilter, $first: Int) {
    people(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
          nip
          away
          actingBy {
            id
            name
          }
          position {
            id
            title
          }
        }
      }
    }
  }
`);

export interface PersonOption {
  id: string;
  name: string;
  away: boolean;
  actingBy?: { name: string } | null;
  position?: { title: string } | null;
}

/** "Name — Position (Plh/Plt: Name)": the picker shows who acts while someone is away. */
export function usePersonLabel(): (person: PersonOption) => string {
  const { t } = useI18n();
  return (person) => {
    const parts = [person.name];
    if (person.position) parts.push(`— ${person.position.title}`);
    if (person.actingBy) parts.push(`(${t('dispose.plh', { name: person.actingBy.name })})`);
    else if (person.away) parts.push(`(${t('dispose.away')})`);
    return parts.join(' ');
  };
}

interface Props {
  label: string;
  value: string[];
  onChange(ids: string[]): void;
  roles?: Role[];
  /** Fixed candidates (dispositionCandidates) instead of searching the directory. */
  candidates?: PersonOption[];
  required?: boolean;
  error?: string;
}

/** Searches colleagues by name, NIP, e-mail or position as one types; keeps the chosen ones' labels. */
export function PeoplePicker({ label, value, onChange, roles, candidates, required, error }: Props) {
  const { t } = useI18n();
  const personLabel = usePersonLabel();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const chosen = useRef(new Map<string, string>());
  const [{ data }] = useQuery({
    query: People,
    variables: { filter: { search: debounced || undefined, roles }, first: 20 },
    pause: Boolean(candidates),
  });
  const found: PersonOption[] = candidates ?? data?.people.edges.map((e) => e.node) ?? [];
  const options = useMemo(() => {
    const map = new Map<string, string>();
    for (const id of value) map.set(id, chosen.current.get(id) ?? id);
    for (const person of found) map.set(person.id, personLabel(person));
    for (const [id, text] of map) chosen.current.set(id, text);
    return [...map].map(([id, text]) => ({ value: id, label: text }));
  }, [found, value, personLabel]);
  return (
    <MultiSelect
      label={label}
      placeholder={t('people.placeholder')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={candidates ? undefined : ({ options: all }) => all}
      required={required}
      error={error}
      nothingFoundMessage={t('common.none')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One person, searched in the directory. */
export function PersonSelect({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const personLabel = usePersonLabel();
  const [search, setSearch] = useState('');
  const chosen = useRef(new Map<string, string>());
  const selectedLabel = value ? chosen.current.get(value) : undefined;
  // Once chosen, the box shows the person's label: that is not a new search.
  const [debounced] = useDebouncedValue(search === selectedLabel ? '' : search, 250);
  const [{ data }] = useQuery({ query: People, variables: { filter: { search: debounced || undefined }, first: 20 } });
  const map = new Map<string, string>();
  if (value && selectedLabel) map.set(value, selectedLabel);
  for (const e of data?.people.edges ?? []) map.set(e.node.id, personLabel(e.node));
  for (const [id, text] of map) chosen.current.set(id, text);
  const options = [...map].map(([id, text]) => ({ value: id, label: text }));
  return (
    <Select
      label={label}
      placeholder={t('people.placeholder')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      required={required}
      nothingFoundMessage={t('common.none')}
    />
  );
}
