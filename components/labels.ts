/** Browser message names allow only letters, digits and `_`: `not-a-fit` is `not_a_fit`. */
export type LabelKey<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}_${LabelKey<Tail>}`
  : S;

export function labelKey<S extends string>(value: S): LabelKey<S> {
  return value.replaceAll('-', '_') as LabelKey<S>;
}
