import type { ReactNode } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'url' | 'email';
  hint?: string;
  children?: ReactNode;
}

/** A labelled text input; `children` sit under it (e.g. the "page now says" note). */
export function TextField(props: TextFieldProps): ReactNode {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.hint}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.children}
    </label>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  name?: string;
}

export function TextArea(props: TextAreaProps): ReactNode {
  return (
    <label>
      {props.label}
      <textarea
        name={props.name}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T | null;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T | null) => void;
  name?: string;
  allowEmpty?: boolean;
}

export function SelectField<T extends string>(props: SelectProps<T>): ReactNode {
  const choose = (raw: string): void => {
    const match = props.options.find((option) => option === raw);
    props.onChange(match ?? null);
  };

  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value ?? ''} onChange={(e) => choose(e.target.value)}>
        {props.allowEmpty !== false && <option value="">—</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
