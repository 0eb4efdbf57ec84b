// Why: the search box points at the active result by id (aria-activedescendant); both sides build it here.
export const optionId = (listId: string, index: number): string => `${listId}-option-${index}`
