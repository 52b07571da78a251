// The part of a model form's errors no field shows: a stale write (with a Reload button that refetches the record)
// or a refusal naming no shown field, in the form's <FormError>.
import { Button } from './Button';
import { FormError } from './Field';
import { STALE_MESSAGE, isStale, leftoverMessage, type FieldErrors } from '../app/form-errors';

/** Shows the stale-write notice or the form-level error of a model form. */
export function FormProblem({ errors, shown, apiError, onReload, reloading }: {
  errors: FieldErrors; shown: readonly string[]; apiError: unknown; onReload?: () => void; reloading?: boolean;
}) {
  if (isStale(apiError)) {
    return (
      <div className="form-error form-stale" role="alert">
        <span>{STALE_MESSAGE}.</span>
        {onReload && <Button onClick={onReload} busy={reloading}>Reload</Button>}
      </div>
    );
  }
  return <FormError message={leftoverMessage(errors, shown, apiError)} />;
}
