import { Autocomplete } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { parentOf } from './classification';

const Codes = graphql(`
  query ClassificationCodes($parentCode: String) {
    classificationCodes(parentCode: $parentCode) {
      code
      name
    }
  }
`);

/** The classification code, typed with completion one level of the scheme at a time. */
export function ClassificationInput(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  required?: boolean;
}) {
  const [{ data }] = useQuery({ query: Codes, variables: { parentCode: parentOf(props.value) } });
  const options = (data?.classificationCodes ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));
  return (
    <Autocomplete
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      data={options.map((o) => o.value)}
      renderOption={({ option }) => options.find((o) => o.value === option.value)?.label ?? option.value}
      error={props.error}
      required={props.required}
    />
  );
}
