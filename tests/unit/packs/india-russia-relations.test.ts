// Why: the India–Russia relations pack is what a student revises the whole GS-II topic from, so it is held to the syllabus packs' promises.
import { checkSyllabusPack } from './syllabus-pack-checks'

checkSyllabusPack({ id: 'india-russia-relations', tables: { 'defence-ties': 15 } })
