/** Time units in microseconds, the resolution of every instant (defined with the instant text forms). */
export { DAY_US, HOUR_US, MINUTE_US, SECOND_US, dayNumber as dayOf } from '../scenario/instant';
