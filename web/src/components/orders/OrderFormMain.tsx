// The order form's first section: who and where (id, customer, address,
// "lat, lng" with Place on map, or the address looked up), what service (type suggests its minutes), and
// the amounts per capacity unit.
import { For, Show, type JSX } from 'solid-js';
import { SERVICE_TYPES, type ServiceType } from '../../domain/scenario';
import { serviceTypeSpec } from '../../domain/service-types';
import { parseLatLng } from '../../domain/validate-entity';
import { AddressLookup } from '../ui/form/AddressLookup';
import { EditorField, EditorSelect, type EditorFieldProps } from '../fleet/EditorField';
import { suggestedMinutes } from './order-draft';
import type { OrderSectionProps, OrderTextKey } from './order-form-types';

/** Id, customer, address, location, service and amounts. */
export function OrderFormMain(props: OrderSectionProps & { onPlace: () => void }): JSX.Element {
  const field = (label: string, key: OrderTextKey, extra: Partial<EditorFieldProps> = {}) => (
    <EditorField label={label} value={props.draft[key]} issues={props.issuesAt(label)} onInput={(text) => props.set(key, label, text)} {...extra} />
  );
  const types = () => SERVICE_TYPES.map((t) => [t, serviceTypeSpec(props.scenario.settings, t).label] as const);
  const suggestion = () => suggestedMinutes(props.scenario, props.draft);
  const changeType = (type: string) => {
    props.setDraft('serviceType', type as ServiceType);
    props.set('serviceMinutes', 'Service minutes', String(suggestion()));
  };
  return (
    <fieldset class="editor-section">
      <legend class="section-title">Order</legend>
      <div class="editor-row">
        {field('Id', 'id', { hint: 'Blank = generated.' })}
        {field('Customer name', 'customerName', { size: 'wide' })}
        {field('Address', 'address', { size: 'wide' })}
      </div>
      <div class="editor-row location-row">
        {field('Location', 'location', { size: 'wide', placeholder: '45.52, -122.68', hint: 'Latitude, longitude.' })}
        <button type="button" class="btn btn--small" onClick={() => props.onPlace()}>Place on map</button>
      </div>
      {/* The address looked up on request (with geocoding on; where to turn it on only while the order has no place). */}
      <Show when={!parseLatLng(props.draft.location).ok || props.scenario.settings.geocodeUrl?.trim()}>
        <AddressLookup address={props.draft.address} onUse={(lat, lng) => props.set('location', 'Location', `${lat}, ${lng}`)} />
      </Show>
      <div class="editor-row">
        <EditorSelect label="Service type" value={props.draft.serviceType} options={types()} issues={props.issuesAt('Service type')} onChange={changeType} />
        {field('Service minutes', 'serviceMinutes', { numeric: true, size: 'short' })}
        <Show when={String(suggestion()) !== props.draft.serviceMinutes.trim()}>
          <button type="button" class="btn btn--small editor-row__remove" onClick={() => props.set('serviceMinutes', 'Service minutes', String(suggestion()))}>Use suggested {suggestion()} min</button>
        </Show>
        <For each={props.scenario.settings.capacityUnits}>
          {(unit, i) => (
            <EditorField label={`Amount (${unit})`} numeric size="short" value={props.draft.amounts[i()] ?? ''} issues={props.issuesAt(`Amount (${unit})`)}
              onInput={(text) => { props.setDraft('amounts', i(), text); props.touch(`Amount (${unit})`); }} />
          )}
        </For>
      </div>
    </fieldset>
  );
}
