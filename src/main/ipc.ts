// Why: the IPC registration, derived from the contract's channel list. Every
// call passes the sender check and then the shared validating dispatcher.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../shared/channels'
import type { Result } from '../shared/result'
import { failure, type Dispatch } from './dispatch'
import { isTrustedSender, type TrustedPage } from './security/page-policy'

export async function handleInvoke(
  dispatch: Dispatch,
  page: TrustedPage,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  channel: string,
  input: unknown
): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame, page)) {
    return failure({ code: 'forbidden', message: 'This call did not come from the Revision Desk window.' })
  }
  return dispatch(channel, input)
}

/** Registers one handler per contract channel; returns a function that removes them. */
export function registerIpc(dispatch: Dispatch, page: TrustedPage): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => handleInvoke(dispatch, page, event, channel, input))
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
