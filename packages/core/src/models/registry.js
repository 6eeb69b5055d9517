import { c3dsu } from './c3dsu';
import { convAe } from './conv-ae';
import { unet } from './unet';
/** Every model, by its `type`. Adding a model: one file, one spec file, one line here. */
export const modelRegistry = {
    c3dsu,
    unet,
    'conv-ae': convAe,
};
//# sourceMappingURL=registry.js.map