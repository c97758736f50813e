// "Photo": the camera through the file input's `capture`; each picture is
// compressed on the phone (JPEG ≤ 1280 px) before it is kept.
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { PodMedia } from '../../domain/day/events';
import { compressPhoto, mediaUrl } from '../../io/pod-capture';

/** The photo field: the photos taken so far, and whether one is still being compressed. */
export function PhotoInput(props: { photos: PodMedia[]; onChange: (photos: PodMedia[]) => void; onBusy: (busy: boolean) => void }): JSX.Element {
  const [error, setError] = createSignal('');
  const add = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    props.onBusy(true);
    setError('');
    try {
      const added: PodMedia[] = [];
      for (const file of files) added.push(await compressPhoto(file));
      props.onChange([...props.photos, ...added]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      props.onBusy(false);
      input.value = '';
    }
  };
  return (
    <div class="driver-photos">
      <label class="driver-field">
        <span>Photo</span>
        <input type="file" accept="image/*" capture="environment" onChange={(e) => void add(e.currentTarget)} />
      </label>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      <div class="driver-photos__list">
        <For each={props.photos}>{(photo, i) => (
          <figure class="driver-photo">
            <img src={mediaUrl(photo)} alt={`Photo ${i() + 1}`} />
            <button type="button" class="btn btn--small" onClick={() => props.onChange(props.photos.filter((p) => p.id !== photo.id))}>Remove photo {i() + 1}</button>
          </figure>
        )}</For>
      </div>
    </div>
  );
}
