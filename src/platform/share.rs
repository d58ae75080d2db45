//! The phone's share sheet for exports (CSV, GIFT, backups), so a teacher can send
//! them to e-mail, a messenger or a drive. Desktop keeps files in Documents instead.
//!
//! Neither version could be run here (no Android or iOS device or SDK on the build
//! machine): both are compile-checked where the target allows, and every failure
//! comes back as a message, with the file already kept in the app's own folder.

/// Android: the file is copied to Downloads through `MediaStore` (Android 10 and
/// later), then offered to other apps with `ACTION_SEND` and a content URI. Where
/// that fails (older Android), the text itself is shared (`EXTRA_TEXT`), which
/// suits CSV, GIFT and JSON alike, if it is small enough for Android to pass on.
#[cfg(target_os = "android")]
pub fn share(name: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
    android::share(name, bytes, mime)
}

/// iOS: the system's share sheet (`UIActivityViewController`) with the file, from the
/// app's Documents folder.
#[cfg(target_os = "ios")]
pub fn share_file(path: &std::path::Path) -> Result<(), String> {
    ios::share_file(path)
}

#[cfg(target_os = "android")]
mod android {
    use jni::objects::{JObject, JValue};
    use jni::{JNIEnv, JavaVM};

    /// Android passes an intent's extras in one parcel of about 1 MB; text is
    /// UTF-16 there, so text shares stay well below.
    const TEXT_LIMIT: usize = 200_000;
    const FLAG_ACTIVITY_NEW_TASK: i32 = 0x1000_0000;
    const FLAG_GRANT_READ_URI_PERMISSION: i32 = 0x0000_0001;

    pub fn share(name: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
        let ctx = ndk_context::android_context();
        // SAFETY: ndk-context holds the process's Java VM and the activity, set by
        // the app's Android glue before the UI starts.
        let vm = unsafe { JavaVM::from_raw(ctx.vm().cast()) }.map_err(|e| e.to_string())?;
        let mut env = vm.attach_current_thread().map_err(|e| e.to_string())?;
        let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
        // The UI thread never returns to Java, so local references (the file's bytes
        // among them) are freed with this frame, not left to pile up.
        env.with_local_frame(64, |env| -> jni::errors::Result<Result<String, String>> {
            Ok(share_in_frame(env, &activity, name, bytes, mime))
        })
        .map_err(|e| e.to_string())?
    }

    fn share_in_frame(
        env: &mut JNIEnv,
        activity: &JObject,
        name: &str,
        bytes: &[u8],
        mime: &str,
    ) -> Result<String, String> {
        let via_downloads = to_downloads(env, activity, name, bytes, mime)
            .map_err(|e| e.to_string())
            .and_then(|uri| send(env, activity, name, mime, Payload::Stream(&uri)));
        clear_exception(env);
        let downloads_error = match via_downloads {
            // MediaStore may add a number to a name already in Downloads.
            Ok(()) => return Ok(format!("Downloads: {name}")),
            Err(e) => e,
        };
        let text = std::str::from_utf8(bytes).map_err(|_| format!("{name}: {downloads_error}"))?;
        if text.len() > TEXT_LIMIT {
            return Err(format!(
                "{name}: too large to share as text ({downloads_error})"
            ));
        }
        let shared = send(env, activity, name, mime, Payload::Text(text));
        clear_exception(env);
        shared
            .map(|()| name.to_string())
            .map_err(|e| format!("{name}: {e}"))
    }

    enum Payload<'a, 'b> {
        Stream(&'a JObject<'b>),
        Text(&'a str),
    }

    fn clear_exception(env: &mut JNIEnv) {
        if env.exception_check().unwrap_or(false) {
            let _ = env.exception_clear();
        }
    }

    /// A new file in Downloads with these bytes; its content URI.
    fn to_downloads<'l>(
        env: &mut JNIEnv<'l>,
        activity: &JObject,
        name: &str,
        bytes: &[u8],
        mime: &str,
    ) -> jni::errors::Result<JObject<'l>> {
        let values = env.new_object("android/content/ContentValues", "()V", &[])?;
        for (key, value) in [("_display_name", name), ("mime_type", mime)] {
            let (k, v) = (env.new_string(key)?, env.new_string(value)?);
            env.call_method(
                &values,
                "put",
                "(Ljava/lang/String;Ljava/lang/String;)V",
                &[JValue::Object(&k), JValue::Object(&v)],
            )?;
        }
        let collection = env
            .get_static_field(
                "android/provider/MediaStore$Downloads",
                "EXTERNAL_CONTENT_URI",
                "Landroid/net/Uri;",
            )?
            .l()?;
        let resolver = env
            .call_method(
                activity,
                "getContentResolver",
                "()Landroid/content/ContentResolver;",
                &[],
            )?
            .l()?;
        let uri = env
            .call_method(
                &resolver,
                "insert",
                "(Landroid/net/Uri;Landroid/content/ContentValues;)Landroid/net/Uri;",
                &[JValue::Object(&collection), JValue::Object(&values)],
            )?
            .l()?;
        if uri.is_null() {
            return Err(jni::errors::Error::NullPtr("MediaStore refused the file"));
        }
        let write = |env: &mut JNIEnv| -> jni::errors::Result<()> {
            let out = env
                .call_method(
                    &resolver,
                    "openOutputStream",
                    "(Landroid/net/Uri;)Ljava/io/OutputStream;",
                    &[JValue::Object(&uri)],
                )?
                .l()?;
            let array = env.byte_array_from_slice(bytes)?;
            env.call_method(&out, "write", "([B)V", &[JValue::Object(&array)])?;
            env.call_method(&out, "close", "()V", &[])?;
            Ok(())
        };
        if let Err(e) = write(env) {
            // No half-written file is left in Downloads.
            clear_exception(env);
            let null = JObject::null();
            let _ = env.call_method(
                &resolver,
                "delete",
                "(Landroid/net/Uri;Ljava/lang/String;[Ljava/lang/String;)I",
                &[
                    JValue::Object(&uri),
                    JValue::Object(&null),
                    JValue::Object(&null),
                ],
            );
            clear_exception(env);
            return Err(e);
        }
        Ok(uri)
    }

    /// `intent.putExtra(key, value)` for a text value.
    fn put_text(
        env: &mut JNIEnv,
        intent: &JObject,
        key: &str,
        value: &str,
    ) -> jni::errors::Result<()> {
        let (key, value) = (env.new_string(key)?, env.new_string(value)?);
        env.call_method(
            intent,
            "putExtra",
            "(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;",
            &[JValue::Object(&key), JValue::Object(&value)],
        )?;
        Ok(())
    }

    /// `ACTION_SEND` through the system chooser.
    fn send(
        env: &mut JNIEnv,
        activity: &JObject,
        name: &str,
        mime: &str,
        payload: Payload,
    ) -> Result<(), String> {
        let run = |env: &mut JNIEnv| -> jni::errors::Result<()> {
            let action = env.new_string("android.intent.action.SEND")?;
            let intent = env.new_object(
                "android/content/Intent",
                "(Ljava/lang/String;)V",
                &[JValue::Object(&action)],
            )?;
            let mime = env.new_string(mime)?;
            env.call_method(
                &intent,
                "setType",
                "(Ljava/lang/String;)Landroid/content/Intent;",
                &[JValue::Object(&mime)],
            )?;
            put_text(env, &intent, "android.intent.extra.SUBJECT", name)?;
            match payload {
                Payload::Stream(uri) => {
                    let key = env.new_string("android.intent.extra.STREAM")?;
                    env.call_method(
                        &intent,
                        "putExtra",
                        "(Ljava/lang/String;Landroid/os/Parcelable;)Landroid/content/Intent;",
                        &[JValue::Object(&key), JValue::Object(uri)],
                    )?;
                    env.call_method(
                        &intent,
                        "addFlags",
                        "(I)Landroid/content/Intent;",
                        &[JValue::Int(FLAG_GRANT_READ_URI_PERMISSION)],
                    )?;
                }
                Payload::Text(text) => put_text(env, &intent, "android.intent.extra.TEXT", text)?,
            }
            let title = env.new_string(name)?;
            let chooser = env
                .call_static_method(
                    "android/content/Intent",
                    "createChooser",
                    "(Landroid/content/Intent;Ljava/lang/CharSequence;)Landroid/content/Intent;",
                    &[JValue::Object(&intent), JValue::Object(&title)],
                )?
                .l()?;
            env.call_method(
                &chooser,
                "addFlags",
                "(I)Landroid/content/Intent;",
                &[JValue::Int(FLAG_ACTIVITY_NEW_TASK)],
            )?;
            env.call_method(
                activity,
                "startActivity",
                "(Landroid/content/Intent;)V",
                &[JValue::Object(&chooser)],
            )?;
            Ok(())
        };
        run(env).map_err(|e| e.to_string())
    }
}

#[cfg(target_os = "ios")]
mod ios {
    use objc2::rc::Retained;
    use objc2::{MainThreadMarker, MainThreadOnly};
    use objc2_foundation::{NSArray, NSString, NSURL};
    use objc2_ui_kit::{UIActivityViewController, UIApplication};

    pub fn share_file(path: &std::path::Path) -> Result<(), String> {
        let mtm = MainThreadMarker::new().ok_or("the share sheet opens from the UI thread")?;
        let path = path.to_str().ok_or("the file's path is not UTF-8")?;
        let url = NSURL::fileURLWithPath(&NSString::from_str(path));
        let items =
            NSArray::from_retained_slice(&[Retained::into_super(Retained::into_super(url))]);
        // SAFETY: the items are NSURLs, which the share sheet takes.
        let sheet = unsafe {
            UIActivityViewController::initWithActivityItems_applicationActivities(
                UIActivityViewController::alloc(mtm),
                &items,
                None,
            )
        };
        #[allow(deprecated)]
        let window = UIApplication::sharedApplication(mtm)
            .keyWindow()
            .ok_or("no window to show the share sheet on")?;
        let mut root = window
            .rootViewController()
            .ok_or("no view to show the share sheet on")?;
        // Present over whatever is already shown, or UIKit ignores the request.
        while let Some(top) = root.presentedViewController() {
            root = top;
        }
        // On iPad the sheet is a popover and must be anchored, or UIKit stops the app.
        if let Some(popover) = sheet.popoverPresentationController() {
            let view = root.view().ok_or("no view to anchor the share sheet to")?;
            popover.setSourceView(Some(&view));
        }
        root.presentViewController_animated_completion(&sheet, true, None);
        Ok(())
    }
}
