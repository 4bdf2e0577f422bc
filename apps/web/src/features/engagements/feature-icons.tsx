/** The engagement screens use the shared icon set (components/icons). */
export { Icon, type IconName } from '../../components/icons';
